package dev.navi.llm.internal;

/**
 * What {@link ProviderResolver} needs to choose a provider: the primary's settings, or the
 * fallback's with what it leaves empty taken from the primary.
 */
record ProviderSettings(String provider, String model, String baseUrl, String anthropicApiKey, String openaiApiKey) {

    static ProviderSettings primary(LlmProperties properties) {
        return new ProviderSettings(
                properties.provider(),
                properties.model(),
                properties.baseUrl(),
                properties.anthropicApiKey(),
                properties.openaiApiKey());
    }

    /** The fallback's provider (the primary's when empty) and model; its base URL, or the primary's for the same provider. */
    static ProviderSettings fallback(LlmProperties properties) {
        var fallback = properties.fallback();
        boolean sameProvider =
                fallback.provider().isBlank() || fallback.provider().equalsIgnoreCase(properties.provider());
        String url = !fallback.baseUrl().isBlank() ? fallback.baseUrl() : sameProvider ? properties.baseUrl() : "";
        return new ProviderSettings(
                sameProvider ? properties.provider() : fallback.provider(),
                fallback.model(),
                url,
                properties.anthropicApiKey(),
                properties.openaiApiKey());
    }
}
