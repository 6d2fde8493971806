package dev.navi.llm.internal;

import dev.navi.llm.CallObserver;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;
import java.time.Duration;

/** Sends one HTTP attempt to a chosen target: rate limit, send, then tell the breaker and the meters. */
final class AttemptSender {

    private final LlmMetrics metrics;

    AttemptSender(LlmMetrics metrics) {
        this.metrics = metrics;
    }

    LlmResponse send(Target target, LlmRequest request, int attempt, CallObserver observer)
            throws InterruptedException {
        LlmRequest routed = withModel(request, target.model());
        long start = 0;
        try {
            target.route().limiter().acquire(WorstCase.inputTokens(routed) + routed.maxOutputTokens());
            observer.onAttempt(target.provider(), target.model(), attempt);
            start = System.nanoTime();
            LlmResponse response = target.route().client().complete(routed);
            long elapsed = System.nanoTime() - start;
            target.breaker().onSuccess(elapsed);
            metrics.attempt(target.provider(), target.model(), LlmMetrics.OK, Duration.ofNanos(elapsed));
            metrics.reply(target.provider(), target.model(), response.usage(), response.timeToFirstToken());
            return response;
        } catch (LlmException failure) {
            if (start == 0) {
                target.breaker().releasePermission();
                throw failure;
            }
            long elapsed = System.nanoTime() - start;
            target.breaker().onError(elapsed, failure);
            metrics.attempt(
                    target.provider(), target.model(), failure.errorClass().wireName(), Duration.ofNanos(elapsed));
            throw failure;
        } catch (InterruptedException | RuntimeException abandoned) {
            target.breaker().releasePermission();
            throw abandoned;
        }
    }

    private static LlmRequest withModel(LlmRequest request, String model) {
        return model.equals(request.model())
                ? request
                : new LlmRequest(
                        model, request.system(), request.messages(), request.tools(), request.maxOutputTokens());
    }
}
