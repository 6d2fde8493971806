package dev.navi.cli.internal.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The bench's own model call to llm-sim: a streamed Anthropic Messages request over HTTP/1.1 as NAVI
 * sends it, for the first turn of a script, timed from the send to its {@code message_stop} event.
 */
final class SimCall {

    private final URI sim;
    private final HttpClient http = HttpClient.newHttpClient();

    SimCall(URI sim) {
        this.sim = sim;
    }

    /** Milliseconds from the send to the reply's {@code message_stop}. */
    double streamed(String script) throws IOException, InterruptedException {
        var body = """
                {"model": "claude-sim", "max_tokens": 8192, "stream": true,
                 "messages": [{"role": "user", "content": "[sim:%s] navi bench direct %s"}]}""".formatted(script, UUID.randomUUID());
        var request = HttpRequest.newBuilder(sim.resolve("/v1/messages"))
                .header("Content-Type", "application/json")
                .header("x-api-key", "sim")
                .header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        var begin = System.nanoTime();
        var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        var end = 0L;
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (end == 0 && line.contains("message_stop")) {
                    end = System.nanoTime(); // the reply is complete; what follows is the body's framing
                }
            }
        }
        var elapsed = ((end == 0 ? System.nanoTime() : end) - begin) / 1e6;
        if (response.statusCode() != 200) {
            throw new IOException("llm-sim answered " + response.statusCode() + " to the direct call");
        }
        return elapsed;
    }
}
