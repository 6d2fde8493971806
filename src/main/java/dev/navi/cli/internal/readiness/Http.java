package dev.navi.cli.internal.readiness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Plain HTTP for the checks, which need what {@code NaviClient} hides on purpose: the status of a
 * refusal and the response headers. Never follows redirects, never retries.
 */
final class Http {

    /** What came back, or why nothing did. */
    sealed interface Reply {
        String describe();
    }

    record Answered(int status, HttpHeaders headers, String body) implements Reply {
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String describe() {
            return "HTTP " + status;
        }
    }

    record NoAnswer(String reason) implements Reply {
        @Override
        public String describe() {
            return "no answer: " + reason;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Optional<String> token;
    private final Duration timeout;

    Http(Optional<String> token, Duration timeout) {
        this.token = token;
        this.timeout = timeout;
    }

    boolean hasToken() {
        return token.isPresent();
    }

    /** GET with the bearer token. */
    Reply get(URI uri, String accept) {
        return send(uri, accept, true);
    }

    /** GET without credentials, as a stranger would. */
    Reply anonymous(URI uri, String accept) {
        return send(uri, accept, false);
    }

    private Reply send(URI uri, String accept, boolean authenticated) {
        var request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", accept)
                .GET();
        if (authenticated) {
            token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answered(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            return new NoAnswer(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NoAnswer("interrupted");
        }
    }
}
