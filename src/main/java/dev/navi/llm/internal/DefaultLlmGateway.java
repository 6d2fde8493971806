package dev.navi.llm.internal;

import dev.navi.llm.CallContext;
import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmGateway;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;
import dev.navi.llm.TokenUsage;
import java.util.Optional;

/**
 * Sends calls to the configured provider, filling in the default model and output limit. Without a
 * provider every call fails with {@link LlmErrorClass#NOT_CONFIGURED} and nothing is sent.
 */
final class DefaultLlmGateway implements LlmGateway {

    private final ProviderChoice choice;
    private final Optional<RetryingCaller> caller;
    private final int defaultMaxOutputTokens;
    private final WorstCase worstCase;
    private final PriceTable prices;

    DefaultLlmGateway(
            ProviderChoice choice,
            Optional<RetryingCaller> caller,
            int defaultMaxOutputTokens,
            WorstCase worstCase,
            PriceTable prices) {
        this.choice = choice;
        this.caller = caller;
        this.defaultMaxOutputTokens = defaultMaxOutputTokens;
        this.worstCase = worstCase;
        this.prices = prices;
    }

    @Override
    public LlmResponse complete(LlmRequest request, CallContext context) throws InterruptedException {
        return switch (choice) {
            case ProviderChoice.Unconfigured(String reason) ->
                throw new LlmException(LlmErrorClass.NOT_CONFIGURED, reason);
            case ProviderChoice.Configured configured ->
                caller.orElseThrow().call(withDefaults(request, configured.model()), context);
        };
    }

    @Override
    public TokenUsage worstCase(LlmRequest request) {
        return worstCase.of(withDefaults(request, defaultModel()));
    }

    @Override
    public boolean priced(String model) {
        return prices.knows(model == null || model.isBlank() ? defaultModel() : model);
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
