package dev.navi.llm.internal;

import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import tools.jackson.databind.json.JsonMapper;

/** A client of the Anthropic Messages API: {@code POST {baseUrl}/v1/messages}. */
final class AnthropicClient implements WireClient {

    static final String API_VERSION = "2023-06-01";

    private final URI endpoint;
    private final String apiKey;
    private final boolean stream;
    private final ModelCaller caller;
    private final PriceTable prices;
    private final JsonMapper json;
    private final AnthropicRequestMapper mapper;
    private final ReplyFormat format;

    AnthropicClient(
            String baseUrl, String apiKey, boolean stream, ModelCaller caller, PriceTable prices, JsonMapper json) {
        this.endpoint = URI.create(BaseUrls.withoutTrailingSlash(baseUrl) + "/v1/messages");
        this.apiKey = apiKey;
        this.stream = stream;
        this.caller = caller;
        this.prices = prices;
        this.json = json;
        this.mapper = new AnthropicRequestMapper(json);
        this.format = new ReplyFormat(AnthropicStreamAssembler::parseReply, () -> new AnthropicStreamAssembler(json));
    }

    @Override
    public LlmResponse complete(LlmRequest request) throws InterruptedException {
        byte[] body = json.writeValueAsBytes(mapper.toBody(request, stream));
        HttpRequest.Builder http = ModelCaller.requestTo(endpoint)
                .header("x-api-key", apiKey)
                .header("anthropic-version", API_VERSION)
                .header("content-type", "application/json")
                .header("accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return caller.call(http, stream, format).toResponse(prices, request.model());
    }
}
