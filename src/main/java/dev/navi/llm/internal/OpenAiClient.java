package dev.navi.llm.internal;

import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the OpenAI Chat Completions API, or of any compatible server: {@code POST
 * {baseUrl}/chat/completions}, with a bearer token only when a key is set.
 */
final class OpenAiClient implements WireClient {

    private final URI endpoint;
    private final String apiKey;
    private final boolean stream;
    private final ModelCaller caller;
    private final PriceTable prices;
    private final JsonMapper json;
    private final OpenAiRequestMapper mapper;
    private final ReplyFormat format;

    OpenAiClient(
            String baseUrl, String apiKey, boolean stream, ModelCaller caller, PriceTable prices, JsonMapper json) {
        this.endpoint = URI.create(BaseUrls.withoutTrailingSlash(baseUrl) + "/chat/completions");
        this.apiKey = apiKey;
        this.stream = stream;
        this.caller = caller;
        this.prices = prices;
        this.json = json;
        this.mapper = new OpenAiRequestMapper(json);
        this.format = new ReplyFormat(OpenAiStreamAssembler::parseReply, () -> new OpenAiStreamAssembler(json));
    }

    @Override
    public LlmResponse complete(LlmRequest request) throws InterruptedException {
        byte[] body = json.writeValueAsBytes(mapper.toBody(request, stream));
        HttpRequest.Builder http = ModelCaller.requestTo(endpoint)
                .header("content-type", "application/json")
                .header("accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!apiKey.isBlank()) {
            http.header("authorization", "Bearer " + apiKey);
        }
        return caller.call(http, stream, format).toResponse(prices, request.model());
    }
}
