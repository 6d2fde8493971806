package dev.navi.cli.internal.validate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** llm-sim's admin endpoint ({@code POST /_sim/scripts}); without {@code --llm-sim} nothing is posted. */
final class SimScripts {

    private final URI baseUrl;
    private final HttpClient http;

    SimScripts(URI baseUrl) {
        this.baseUrl = baseUrl;
        this.http = baseUrl == null
                ? null
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    static SimScripts none() {
        return new SimScripts(null);
    }

    boolean enabled() {
        return baseUrl != null;
    }

    void post(String name, JsonNode script) {
        if (!enabled()) {
            return;
        }
        var body = ((ObjectNode) script.deepCopy()).put("name", name);
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/_sim/scripts"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "llm-sim refused script " + name + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach llm-sim at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to llm-sim", e);
        }
    }
}
