package dev.navi;

import java.time.Duration;
import java.util.List;

/**
 * One row of the fault matrix: the llm-sim faults served on the first attempts of a one-turn script,
 * and what NAVI must do about them.
 *
 * @param errorClass the class the faults belong to, for the table
 * @param faults the script turn's {@code faults} array content
 */
record LlmFaultScenario(String name, String errorClass, String fault, String faults, Expected expected) {

    /**
     * @param calls HTTP calls llm-sim must receive
     * @param retries {@code llm.retry} events
     * @param errorClass the task's error class, or null when the task must complete
     * @param minWait the least time between the first and the last call
     */
    record Expected(int calls, int retries, String stopReason, String errorClass, Duration minWait) {}

    static final LlmFaultScenario BUDGET_FIRST =
            new LlmFaultScenario("budget-first", "budget", "first call over `maxTokens`", "", null);
    static final LlmFaultScenario BUDGET_SECOND =
            new LlmFaultScenario("budget-second", "budget", "second call could cross `maxTokens`", "", null);
    static final LlmFaultScenario CANCEL =
            new LlmFaultScenario("cancel-backoff", "cancel", "cancel during a 4 s `Retry-After` wait", "", null);

    static final List<LlmFaultScenario> ALL = List.of(
            fails("auth-401", "auth", "401", "{\"status\":401,\"times\":-1}"),
            fails("permission-403", "permission", "403", "{\"status\":403,\"times\":-1}"),
            fails("not-found-404", "not_found", "404", "{\"status\":404,\"times\":-1}"),
            fails("invalid-400", "invalid_request", "400", "{\"status\":400,\"times\":-1}"),
            fails("too-large-413", "invalid_request", "413", "{\"status\":413,\"times\":-1}"),
            fails(
                    "quota-402",
                    "quota_exhausted",
                    "402 `billing_error`",
                    "{\"status\":402,\"error_type\":\"billing_error\",\"times\":-1}"),
            fails(
                    "quota-429",
                    "quota_exhausted",
                    "429 `insufficient_quota`",
                    "{\"status\":429,\"error_type\":\"insufficient_quota\",\"code\":\"insufficient_quota\",\"times\":-1}"),
            recovers(
                    "rate-limited-retry-after",
                    "rate_limited",
                    "429 `Retry-After: 2`, then OK",
                    "{\"status\":429,\"headers\":{\"retry-after\":\"2\"}}",
                    Duration.ofSeconds(2)),
            recovers(
                    "rate-limited-reset",
                    "rate_limited",
                    "429 `x-ratelimit-reset-requests: 1s`, then OK",
                    "{\"status\":429,\"headers\":{\"x-ratelimit-reset-requests\":\"1s\"}}",
                    Duration.ofSeconds(1)),
            new LlmFaultScenario(
                    "rate-limited-always",
                    "rate_limited",
                    "429 on every attempt",
                    "{\"status\":429,\"times\":-1}",
                    new Expected(4, 3, "llm_error", "rate_limited", Duration.ZERO)),
            fails(
                    "rate-limited-ceiling",
                    "rate_limited",
                    "429 `Retry-After: 3600` (over the ceiling)",
                    "{\"status\":429,\"headers\":{\"retry-after\":\"3600\"},\"times\":-1}"),
            recovers("overloaded-529", "overloaded", "529, then OK", "{\"status\":529}", Duration.ZERO),
            recovers("overloaded-503", "overloaded", "503, then OK", "{\"status\":503}", Duration.ZERO),
            recovers("server-500", "server_error", "500, then OK", "{\"status\":500}", Duration.ZERO),
            recovers("server-502", "server_error", "502, then OK", "{\"status\":502}", Duration.ZERO),
            recovers("server-504", "server_error", "504, then OK", "{\"status\":504}", Duration.ZERO),
            recovers(
                    "timeout-first-byte",
                    "timeout",
                    "no first byte within 600 ms, then OK",
                    "{\"hang_ms\":3000}",
                    Duration.ofMillis(500)),
            recovers(
                    "network-dropped",
                    "network",
                    "connection dropped before the response, then OK",
                    "{\"hang_ms\":1}",
                    Duration.ZERO),
            recovers(
                    "stream-cut",
                    "stream_interrupted",
                    "cut after 3 chunks, then OK",
                    "{\"cut_after_chunks\":3}",
                    Duration.ZERO),
            recovers(
                    "stream-error-event",
                    "overloaded / server_error",
                    "error event after 2 chunks (blocking: 529 / 500), then OK",
                    "{\"stream_error_after_chunks\":2}",
                    Duration.ZERO));

    private static LlmFaultScenario fails(String name, String errorClass, String fault, String faults) {
        return new LlmFaultScenario(
                name, errorClass, fault, faults, new Expected(1, 0, "llm_error", errorClass, Duration.ZERO));
    }

    private static LlmFaultScenario recovers(
            String name, String errorClass, String fault, String faults, Duration minWait) {
        return new LlmFaultScenario(name, errorClass, fault, faults, new Expected(2, 1, "completed", null, minWait));
    }

    @Override
    public String toString() {
        return name;
    }
}
