package dev.navi.llm.internal;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Classifies failed model calls from the HTTP status, the headers and the vendor's error type or code;
 * never from the wording of a message, which only becomes the exception's message.
 */
final class ErrorClassifier {

    private final JsonMapper json;
    private final RetryAfterParser retryAfter;

    ErrorClassifier(JsonMapper json, RetryAfterParser retryAfter) {
        this.json = json;
        this.retryAfter = retryAfter;
    }

    /** A response with an error status. */
    LlmException fromResponse(int status, HttpHeaders headers, String body) {
        VendorError error = VendorError.parse(json, body);
        LlmErrorClass errorClass = refine(ofStatus(status), error, status);
        String message = error.messageIfAny().orElse("HTTP " + status + " from the provider");
        Duration wait = retryAfter.parse(headers).orElse(null);
        return new LlmException(errorClass, status, message, wait, null);
    }

    /** An {@code error} event inside a stream that began with {@code status}. */
    LlmException fromStreamError(int status, VendorError error) {
        LlmErrorClass errorClass =
                ofVendorType(error.type()).or(() -> ofVendorType(error.code())).orElse(LlmErrorClass.SERVER_ERROR);
        String message = error.messageIfAny().orElse("error event in the response stream");
        return new LlmException(errorClass, status, message, null, null);
    }

    /** A failure before any response arrived: connect timeout, refused, reset, unknown host. */
    LlmException fromTransport(Throwable failure) {
        LlmErrorClass errorClass = transportClass(failure);
        String prefix = errorClass == LlmErrorClass.TIMEOUT ? "timed out: " : "network failure: ";
        String message = prefix + describe(failure);
        return new LlmException(errorClass, 0, message, null, failure);
    }

    static LlmErrorClass ofStatus(int status) {
        return switch (status) {
            case 400, 413, 422 -> LlmErrorClass.INVALID_REQUEST;
            case 401 -> LlmErrorClass.AUTH;
            case 402 -> LlmErrorClass.QUOTA_EXHAUSTED;
            case 403 -> LlmErrorClass.PERMISSION;
            case 404 -> LlmErrorClass.NOT_FOUND;
            case 408 -> LlmErrorClass.TIMEOUT;
            case 429 -> LlmErrorClass.RATE_LIMITED;
            case 503, 529 -> LlmErrorClass.OVERLOADED;
            default -> status >= 500 ? LlmErrorClass.SERVER_ERROR : LlmErrorClass.INVALID_REQUEST;
        };
    }

    /** The class a vendor error type or code names, Anthropic's and OpenAI's. */
    static Optional<LlmErrorClass> ofVendorType(String type) {
        return Optional.ofNullable(
                switch (type) {
                    case "overloaded_error" -> LlmErrorClass.OVERLOADED;
                    case "rate_limit_error", "rate_limit_exceeded" -> LlmErrorClass.RATE_LIMITED;
                    case "api_error", "server_error", "internal_error" -> LlmErrorClass.SERVER_ERROR;
                    case "timeout_error" -> LlmErrorClass.TIMEOUT;
                    case "authentication_error", "invalid_api_key" -> LlmErrorClass.AUTH;
                    case "permission_error" -> LlmErrorClass.PERMISSION;
                    case "not_found_error", "model_not_found" -> LlmErrorClass.NOT_FOUND;
                    case "invalid_request_error", "request_too_large", "context_length_exceeded" ->
                        LlmErrorClass.INVALID_REQUEST;
                    case "insufficient_quota", "billing_error" -> LlmErrorClass.QUOTA_EXHAUSTED;
                    default -> null;
                });
    }

    /** The status decides; the body only tells quota from throttling and overload from other 5xx. */
    private static LlmErrorClass refine(LlmErrorClass byStatus, VendorError error, int status) {
        if (status >= 400 && status < 500 && error.saysQuota()) {
            return LlmErrorClass.QUOTA_EXHAUSTED;
        }
        if (status >= 500 && error.type().equals("overloaded_error")) {
            return LlmErrorClass.OVERLOADED;
        }
        return byStatus;
    }

    private static LlmErrorClass transportClass(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
                return LlmErrorClass.TIMEOUT;
            }
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof UnresolvedAddressException) {
                return LlmErrorClass.NETWORK;
            }
        }
        return LlmErrorClass.NETWORK;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
