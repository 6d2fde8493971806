package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** NAVI's {@code /metrics}, read with the bench's bearer token. */
final class MetricsReader {

    /** One exposition and how long {@code /metrics} took to answer it. */
    record Exposition(String body, double answerMs) {}

    private final Target target;
    private final HttpClient http = HttpClient.newHttpClient();

    MetricsReader(Target target) {
        this.target = target;
    }

    /** The exposition, or empty when {@code /metrics} did not answer 200. */
    Optional<Exposition> read() {
        var request = HttpRequest.newBuilder(target.metricsUrl())
                .header("Authorization", "Bearer " + target.token())
                .timeout(Duration.ofSeconds(30))
                .build();
        var begin = System.nanoTime();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var ms = (System.nanoTime() - begin) / 1e6;
            return response.statusCode() == 200 ? Optional.of(new Exposition(response.body(), ms)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
