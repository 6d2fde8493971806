package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * NAVI's JIT compilation time so far, read from its {@code /metrics}: the compiler keeps compiling long
 * after a warm-up on a large hot path, and its CPU is counted in NAVI's.
 */
final class CompilationTime {

    private final Target target;
    private final HttpClient http = HttpClient.newHttpClient();

    CompilationTime(Target target) {
        this.target = target;
    }

    /** Milliseconds compiled so far, or null when {@code /metrics} did not answer with the counter. */
    Double totalMs() {
        var request = HttpRequest.newBuilder(target.metricsUrl())
                .header("Authorization", "Bearer " + target.token())
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var ms = response.statusCode() == 200 ? Prometheus.compilationMs(response.body()) : Double.NaN;
            return Double.isFinite(ms) ? ms : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The milliseconds compiled since {@code before}, or null when either reading is missing. */
    Double since(Double before) {
        var now = totalMs();
        return before == null || now == null ? null : now - before;
    }
}
