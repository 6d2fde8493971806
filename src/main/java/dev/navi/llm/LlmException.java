package dev.navi.llm;

import java.time.Duration;
import java.util.Optional;

/** A failed model call, classified. {@code httpStatus} is 0 when no HTTP response was received. */
public class LlmException extends RuntimeException {

    private final LlmErrorClass errorClass;
    private final int httpStatus;
    private final Duration retryAfter;

    public LlmException(
            LlmErrorClass errorClass, int httpStatus, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public LlmException(LlmErrorClass errorClass, String message) {
        this(errorClass, 0, message, null, null);
    }

    public LlmErrorClass errorClass() {
        return errorClass;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The wait the provider asked for (Retry-After or a vendor reset header), if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
