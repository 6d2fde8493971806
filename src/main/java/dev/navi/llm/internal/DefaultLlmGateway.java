package dev.navi.llm.internal;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmGateway;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;
import java.util.Optional;

/**
 * Sends calls to the configured provider, filling in the default model and output limit. Without a
 * provider every call fails with {@link LlmErrorClass#NOT_CONFIGURED} and nothing is sent.
 */
final class DefaultLlmGateway implements LlmGateway {

    private final ProviderChoice choice;
    private final Optional<WireClient> client;
    private final int defaultMaxOutputTokens;

    DefaultLlmGateway(ProviderChoice choice, Optional<WireClient> client, int defaultMaxOutputTokens) {
        this.choice = choice;
        this.client = client;
        this.defaultMaxOutputTokens = defaultMaxOutputTokens;
    }

    @Override
    public LlmResponse complete(LlmRequest request) throws InterruptedException {
        return switch (choice) {
            case ProviderChoice.Unconfigured(String reason) ->
                throw new LlmException(LlmErrorClass.NOT_CONFIGURED, reason);
            case ProviderChoice.Configured configured ->
                client.orElseThrow().complete(withDefaults(request, configured.model()));
        };
    }

    @Override
    public String defaultModel() {
        return switch (choice) {
            case ProviderChoice.Unconfigured ignored -> "";
            case ProviderChoice.Configured configured -> configured.model();
        };
    }

    private LlmRequest withDefaults(LlmRequest request, String model) {
        return new LlmRequest(
                request.model() == null || request.model().isBlank() ? model : request.model(),
                request.system(),
                request.messages(),
                request.tools(),
                request.maxOutputTokens() > 0 ? request.maxOutputTokens() : defaultMaxOutputTokens);
    }
}
