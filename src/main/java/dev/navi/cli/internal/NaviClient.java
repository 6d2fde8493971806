package dev.navi.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * NAVI's public HTTP API as the command line uses it: JSON in and out, the bearer token on every
 * request, problems turned into {@link NaviApiException}, no answer into
 * {@link NaviUnreachableException}, and a 429 waited out ({@code Retry-After}) a few times.
 */
public final class NaviClient {

    static final int MAX_RATE_LIMIT_WAITS = 5;
    static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final PrintStream notices;

    public NaviClient(Connection connection, Duration requestTimeout, PrintStream notices) {
        this.connection = connection;
        this.requestTimeout = requestTimeout;
        this.notices = notices;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static JsonMapper json() {
        return JSON;
    }

    public URI baseUrl() {
        return connection.baseUrl();
    }

    public Connection connection() {
        return connection;
    }

    public JsonNode get(String path) {
        return parse(send(request(path).header("Accept", "application/json").GET()));
    }

    public JsonNode post(String path, Object body) {
        var publisher = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return parse(send(request(path)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(publisher)));
    }

    public JsonNode delete(String path) {
        return parse(send(request(path).header("Accept", "application/json").DELETE()));
    }

    /** A body that is not JSON, e.g. the task diff ({@code text/x-diff}). */
    public String getText(String path, String accept) {
        return new String(getBytes(path, accept), StandardCharsets.UTF_8);
    }

    /** A body exactly as NAVI sent it, e.g. the task diff to pipe into {@code git apply}. */
    public byte[] getBytes(String path, String accept) {
        return send(request(path).header("Accept", accept).GET()).body();
    }

    /**
     * Opens the task's SSE stream after {@code lastSeq} (0: from the start); the caller reads and
     * closes the body. A 204 (nothing left to send) is returned as is; other refusals throw.
     */
    public HttpResponse<InputStream> openEventStream(String taskId, long lastSeq) {
        var builder = HttpRequest.newBuilder(uri("/api/v1/tasks/" + taskId + "/events"))
                .header("Accept", "text/event-stream")
                .GET();
        connection.token().ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        if (lastSeq > 0) {
            builder.header("Last-Event-ID", Long.toString(lastSeq));
        }
        for (var wait = 0; ; wait++) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new NaviUnreachableException(connection.baseUrl(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NaviUnreachableException(connection.baseUrl(), e);
            }
            if (response.statusCode() == 200 || response.statusCode() == 204) {
                return response;
            }
            var body = readFully(response.body());
            if (!waitIfRateLimited(response.statusCode(), retryAfter(response), wait)) {
                throw problem(response.statusCode(), body);
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(uri(path)).timeout(requestTimeout);
        connection.token().ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private URI uri(String path) {
        return URI.create(connection.baseUrl() + path);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder) {
        var request = builder.build();
        for (var wait = 0; ; wait++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new NaviUnreachableException(connection.baseUrl(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NaviUnreachableException(connection.baseUrl(), e);
            }
            var status = response.statusCode();
            if (status < 300) {
                return response;
            }
            if (!waitIfRateLimited(status, retryAfter(response), wait)) {
                throw problem(status, response.body());
            }
        }
    }

    /** {@code Retry-After} in seconds; an HTTP-date or garbage counts as absent. */
    static OptionalLong retryAfter(HttpResponse<?> response) {
        var value = response.headers().firstValue("Retry-After");
        try {
            return value.isPresent()
                    ? OptionalLong.of(Long.parseLong(value.get().strip()))
                    : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private boolean waitIfRateLimited(int status, OptionalLong retryAfter, int waitsSoFar) {
        if (status != 429 || waitsSoFar >= MAX_RATE_LIMIT_WAITS) {
            return false;
        }
        var seconds = Math.min(Math.max(retryAfter.orElse(1), 1), MAX_RATE_LIMIT_WAIT.toSeconds());
        notices.println("navi: rate limited by NAVI, retrying in " + seconds + " s");
        try {
            Thread.sleep(Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    static NaviApiException problem(int status, byte[] body) {
        try {
            var problem = JSON.readTree(body);
            if (problem != null && problem.isObject()) {
                var type = text(problem, "type");
                return new NaviApiException(
                        status,
                        type == null ? null : type.replaceFirst("^urn:navi:problem:", ""),
                        text(problem, "title"),
                        text(problem, "detail"));
            }
        } catch (JacksonException notJson) {
            // below
        }
        var text = new String(body, StandardCharsets.UTF_8).strip();
        return new NaviApiException(status, null, null, text.length() > 200 ? text.substring(0, 200) : text);
    }

    private static JsonNode parse(HttpResponse<byte[]> response) {
        if (response.statusCode() == 204 || response.body().length == 0) {
            return JSON.missingNode();
        }
        return JSON.readTree(response.body());
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static byte[] readFully(InputStream body) {
        try (body) {
            return body.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
