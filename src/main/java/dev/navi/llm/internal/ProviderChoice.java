package dev.navi.llm.internal;

import java.util.Locale;

/** The provider NAVI calls, as resolved from the configuration, or why there is none. */
sealed interface ProviderChoice {

    enum Protocol {
        ANTHROPIC,
        OPENAI
    }

    record Configured(Protocol protocol, String model, String baseUrl, String apiKey) implements ProviderChoice {
        @Override
        public String toString() {
            return "%s model %s at %s".formatted(protocol.name().toLowerCase(Locale.ROOT), model, baseUrl);
        }
    }

    /** @param reason what the operator must set, ready to be shown as it is */
    record Unconfigured(String reason) implements ProviderChoice {}
}
