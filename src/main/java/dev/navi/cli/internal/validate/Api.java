package dev.navi.cli.internal.validate;

import dev.navi.cli.internal.NaviClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** The NAVI calls the validator makes, each non-streaming one timed for the API latency SLO. */
final class Api {

    private final NaviClient client;
    private final List<Duration> latencies = Collections.synchronizedList(new ArrayList<>());

    Api(NaviClient client) {
        this.client = client;
    }

    NaviClient client() {
        return client;
    }

    JsonNode submit(JsonNode body) {
        return timed(() -> client.post("/api/v1/tasks", body));
    }

    JsonNode task(String id) {
        return timed(() -> client.get("/api/v1/tasks/" + id));
    }

    String diff(String id) {
        return timed(() -> client.getText("/api/v1/tasks/" + id + "/diff", "text/x-diff"));
    }

    void cancel(String id) {
        timed(() ->
                client.post("/api/v1/tasks/" + id + "/cancel", NaviClient.json().createObjectNode()));
    }

    List<Duration> latencies() {
        synchronized (latencies) {
            return List.copyOf(latencies);
        }
    }

    private <T> T timed(Supplier<T> call) {
        var start = System.nanoTime();
        try {
            return call.get();
        } finally {
            latencies.add(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
