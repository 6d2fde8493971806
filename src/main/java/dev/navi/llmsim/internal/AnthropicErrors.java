package dev.navi.llmsim.internal;

import java.util.Map;

/** Anthropic's error types, their HTTP statuses and typical messages. */
final class AnthropicErrors {

    private record Kind(int status, String message) {}

    private static final Map<String, Kind> KINDS = Map.of(
            "invalid_request_error", new Kind(400, "Invalid request."),
            "authentication_error", new Kind(401, "invalid x-api-key"),
            "permission_error", new Kind(403, "Your API key does not have permission to use the specified resource."),
            "not_found_error", new Kind(404, "The requested resource could not be found."),
            "request_too_large", new Kind(413, "Request exceeds the maximum allowed number of bytes."),
            "rate_limit_error", new Kind(429, "Number of request tokens has exceeded your per-minute rate limit."),
            "api_error", new Kind(500, "Internal server error"),
            "overloaded_error", new Kind(529, "Overloaded"));

    private AnthropicErrors() {}

    static String typeForStatus(int status) {
        return KINDS.entrySet().stream()
                .filter(kind -> kind.getValue().status() == status)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(status >= 500 ? "api_error" : "invalid_request_error");
    }

    static int statusForType(String type) {
        Kind kind = KINDS.get(type);
        return kind == null ? 500 : kind.status();
    }

    static String messageForType(String type) {
        Kind kind = KINDS.get(type);
        return kind == null ? type : kind.message();
    }
}
