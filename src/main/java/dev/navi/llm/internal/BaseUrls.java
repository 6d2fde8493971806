package dev.navi.llm.internal;

import java.net.URI;
import java.util.Optional;

/** Checks and normalizes configured base URLs. */
final class BaseUrls {

    private BaseUrls() {}

    static String withoutTrailingSlash(String baseUrl) {
        String trimmed = baseUrl.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** Why the URL cannot be used, if it is not an absolute http(s) URL. */
    static Optional<String> problem(String baseUrl) {
        try {
            URI uri = URI.create(withoutTrailingSlash(baseUrl));
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null
                    ? Optional.empty()
                    : Optional.of("NAVI_LLM_BASE_URL '" + baseUrl + "' is not an absolute http(s) URL");
        } catch (IllegalArgumentException invalid) {
            return Optional.of("NAVI_LLM_BASE_URL '" + baseUrl + "' is not a valid URL");
        }
    }
}
