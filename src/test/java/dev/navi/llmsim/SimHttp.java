package dev.navi.llmsim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A test client for a running sim: builds vendor requests and reads plain and streamed replies. */
final class SimHttp {

    static final String ANTHROPIC = "/v1/messages";
    static final String OPENAI = "/v1/chat/completions";

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One SSE event; {@code name} is null for data-only (OpenAI) events. */
    record Event(String name, String data) {
        JsonNode json() {
            return JSON.readTree(data);
        }
    }

    /** A streamed response as far as it arrived; {@code broken} when the connection dropped mid-body. */
    record Stream(int status, String contentType, List<Event> events, boolean broken) {}

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;

    SimHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A request whose first user message is {@code prompt}, followed by {@code assistantTurns} exchanges. */
    static ObjectNode request(String prompt, int assistantTurns, boolean stream) {
        ObjectNode body = JSON.createObjectNode().put("model", "test-model").put("max_tokens", 1024);
        body.put("stream", stream);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", prompt);
        for (int i = 0; i < assistantTurns; i++) {
            messages.addObject().put("role", "assistant").put("content", "step " + i);
            messages.addObject().put("role", "user").put("content", "result " + i);
        }
        return body;
    }

    HttpResponse<String> post(String path, Object body) {
        return send(builder(path)
                .POST(HttpRequest.BodyPublishers.ofString(text(body)))
                .build());
    }

    HttpResponse<String> post(String path, Object body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = builder(path)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(text(body)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode postJson(String path, Object body) {
        return JSON.readTree(post(path, body).body());
    }

    HttpResponse<String> get(String path) {
        return send(builder(path).GET().build());
    }

    HttpResponse<String> delete(String path) {
        return send(builder(path).DELETE().build());
    }

    Stream stream(String path, Object body) {
        HttpRequest request = builder(path)
                .POST(HttpRequest.BodyPublishers.ofString(text(body)))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            List<Event> events = new ArrayList<>();
            boolean broken = readEvents(response.body(), events);
            String contentType = response.headers().firstValue("content-type").orElse("");
            return new Stream(response.statusCode(), contentType, events, broken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean readEvents(InputStream body, List<Event> events) {
        try (var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                } else if (line.startsWith("data: ")) {
                    events.add(new Event(name, line.substring("data: ".length())));
                    name = null;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("content-type", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object body) {
        return body instanceof String string ? string : JSON.writeValueAsString(body);
    }
}
