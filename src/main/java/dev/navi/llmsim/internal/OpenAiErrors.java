package dev.navi.llmsim.internal;

import java.util.Map;
import java.util.Optional;

/** OpenAI's error kinds: HTTP status, error type, error code and typical message. */
final class OpenAiErrors {

    private static final Map<String, VendorError> KINDS = Map.of(
            "invalid_request_error", new VendorError(400, "invalid_request_error", null, "Invalid request."),
            "invalid_api_key",
                    new VendorError(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided."),
            "permission_error",
                    new VendorError(403, "invalid_request_error", null, "You are not allowed to access this resource."),
            "model_not_found",
                    new VendorError(
                            404,
                            "invalid_request_error",
                            "model_not_found",
                            "The model does not exist or you do not have access to it."),
            "rate_limit_exceeded",
                    new VendorError(429, "requests", "rate_limit_exceeded", "Rate limit reached for requests."),
            "insufficient_quota",
                    new VendorError(
                            429,
                            "insufficient_quota",
                            "insufficient_quota",
                            "You exceeded your current quota, please check your plan and billing details."),
            "server_error",
                    new VendorError(
                            500,
                            "server_error",
                            null,
                            "The server had an error while processing your request. Sorry about that!"),
            "engine_overloaded",
                    new VendorError(
                            503, "server_error", null, "The engine is currently overloaded, please try again later."));

    private OpenAiErrors() {}

    static VendorError forStatus(int status) {
        return KINDS.values().stream()
                .filter(kind -> kind.status() == status && kind != KINDS.get("insufficient_quota"))
                .findFirst()
                .orElseGet(() -> KINDS.get(status >= 500 ? "server_error" : "invalid_request_error"));
    }

    /** A known kind by its name, type or code, e.g. {@code insufficient_quota}. */
    static Optional<VendorError> named(String name) {
        return Optional.ofNullable(KINDS.get(name));
    }
}
