package dev.navi.llm.internal;

import java.net.http.HttpClient;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/** Builds the wire client of a configured provider. */
final class WireClients {

    private WireClients() {}

    static WireClient create(
            ProviderChoice.Configured provider,
            LlmProperties properties,
            PriceTable prices,
            CallWatchdog watchdog,
            Clock clock) {
        JsonMapper json = JsonMapper.builder().build();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        ErrorClassifier classifier = new ErrorClassifier(json, new RetryAfterParser(clock));
        ModelCaller caller = new ModelCaller(
                http, watchdog, classifier, json, properties.firstByteTimeout(), properties.idleTimeout());
        return switch (provider.protocol()) {
            case ANTHROPIC ->
                new AnthropicClient(provider.baseUrl(), provider.apiKey(), properties.stream(), caller, prices, json);
            case OPENAI ->
                new OpenAiClient(provider.baseUrl(), provider.apiKey(), properties.stream(), caller, prices, json);
        };
    }
}
