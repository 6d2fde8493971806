package dev.navi;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Full application on a random port, with embedded PostgreSQL under a temporary NAVI_HOME and the
 * LLM pointed at llm-sim. Subclasses choose the provider protocol with {@code navi.llm.*} properties.
 */
@SpringBootTest(classes = NaviApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class NaviIntegrationTest {

    /** The one cross-origin console allowed to call the API ({@code navi.web.cors.allowed-origins}). */
    static final String CONSOLE_ORIGIN = "https://console.example";

    static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled");

    protected final JsonMapper json = JsonMapper.builder().build();
    protected final HttpClient http = HttpClient.newHttpClient();
    protected final SseClient sse = new SseClient();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void naviProperties(DynamicPropertyRegistry registry) {
        registry.add("navi.home", NaviHome.HOME::toString);
        registry.add("navi.workspace.root", NaviHome.WORKSPACES_ROOT::toString);
        // each application context (one per provider configuration) runs its own embedded server
        registry.add("navi.database.embedded-data-directory", () -> NaviHome.HOME + "/pgdata-${random.uuid}");
        registry.add("navi.it.sim-url", TestLlmSim.SIM::baseUrl);
        registry.add("navi.events.heartbeat-interval", () -> "300ms");
        registry.add("navi.agent.poll-interval", () -> "200ms");
        registry.add("navi.web.cors.allowed-origins", () -> CONSOLE_ORIGIN);
        // every test in a context calls as the one admin: its buckets must not run dry (RateLimit* tests set their own)
        for (var endpointClass : List.of("submit", "read", "stream")) {
            registry.add("navi.ratelimit." + endpointClass + ".capacity", () -> "1000000");
        }
        registry.add("navi.events.max-streams-per-tenant", () -> "100000");
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    protected HttpResponse<String> get(String path, String accept) {
        return send(
                HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build());
    }

    /** The local admin token NAVI wrote under {@code navi.home} (only when no JWT provider is configured). */
    protected String adminToken() {
        try {
            return Files.readString(NaviHome.HOME.resolve("admin.token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends as the local admin unless the request carries its own {@code Authorization}. */
    protected HttpResponse<String> send(HttpRequest request) {
        if (request.headers().firstValue("Authorization").isPresent()) {
            return sendAsIs(request);
        }
        return sendAsIs(HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", "Bearer " + adminToken())
                .build());
    }

    /** Sends exactly this request, without adding credentials. */
    protected HttpResponse<String> sendAsIs(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode parse(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** Submits a task on a local workspace; the prompt names the llm-sim script and is unique per call. */
    protected JsonNode submit(String script, String workspace, String limitsJson) {
        var prompt = "[sim:" + script + "] " + UUID.randomUUID();
        var body = json.createObjectNode();
        body.put("prompt", prompt);
        body.putObject("workspace").put("path", workspace);
        if (limitsJson != null) {
            body.set("limits", json.readTree(limitsJson));
        }
        var response = post("/api/v1/tasks", json.writeValueAsString(body));
        if (response.statusCode() != 201) {
            throw new AssertionError("submit answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response);
    }

    protected JsonNode task(String id) {
        return parse(get("/api/v1/tasks/" + id, "application/json"));
    }

    protected JsonNode awaitStatus(String id, Set<String> statuses) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> statuses.contains(task(id).get("status").asString()));
        return task(id);
    }

    protected JsonNode awaitFinished(String id) {
        return awaitStatus(id, TERMINAL);
    }

    protected List<SseClient.Event> stream(String id) {
        return sse.readAll(uri("/api/v1/tasks/" + id + "/events"), null);
    }

    /** The requests llm-sim received for a script, oldest first (llm-sim needs no credentials). */
    protected List<JsonNode> simRequests(String script) {
        var response = sendAsIs(HttpRequest.newBuilder(URI.create(TestLlmSim.SIM.baseUrl() + "/_sim/requests"))
                .build());
        var matching = new java.util.ArrayList<JsonNode>();
        json.readTree(response.body()).forEach(entry -> {
            if (script.equals(entry.path("script").asString())) {
                matching.add(entry);
            }
        });
        return matching;
    }

    /** The stored events of a stream: heartbeats (no id) may land between any two, whenever a step is slow. */
    protected static List<SseClient.Event> stored(List<SseClient.Event> events) {
        return events.stream()
                .filter(event -> !"heartbeat".equals(event.type()))
                .toList();
    }

    protected List<String> types(List<SseClient.Event> events) {
        return events.stream().map(SseClient.Event::type).toList();
    }
}
