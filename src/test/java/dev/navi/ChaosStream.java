package dev.navi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows one task's event stream over replicas that come and go: after a cut it reconnects to the next replica
 * that is up with {@code Last-Event-ID}, until the terminal event (or a 204: nothing after the last seen).
 */
final class ChaosStream {

    private static final Set<String> TERMINAL = Set.of("task.succeeded", "task.failed", "task.cancelled");
    /** A reconnection delay of the client, as {@code EventSource}'s {@code retry}; not a test synchronisation. */
    private static final long RETRY_MILLIS = 200;

    private final HttpClient http;
    private final String token;
    private final List<ChaosReplica> replicas;
    private final String taskId;
    private final List<Long> seqs = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread reader;
    private volatile boolean ended;
    private int next;

    private ChaosStream(HttpClient http, String token, List<ChaosReplica> replicas, String taskId, int first) {
        this.http = http;
        this.token = token;
        this.replicas = replicas;
        this.taskId = taskId;
        this.next = Math.floorMod(first, replicas.size());
        this.reader = Thread.ofVirtual().name("chaos-stream-" + taskId).start(this::follow);
    }

    static ChaosStream follow(HttpClient http, String token, List<ChaosReplica> replicas, String taskId, int first) {
        return new ChaosStream(http, token, replicas, taskId, first);
    }

    /** The seqs received, in order of arrival, once the stream has seen the task's end. */
    List<Long> awaitEnd(Duration ceiling) throws InterruptedException {
        if (!reader.join(ceiling)) {
            throw new AssertionError("the stream of " + taskId + " did not end within " + ceiling);
        }
        synchronized (seqs) {
            return List.copyOf(seqs);
        }
    }

    int reconnections() {
        return Math.max(0, connections.get() - 1);
    }

    private void follow() {
        while (!ended) {
            var replica = replicas.get(next);
            next = (next + 1) % replicas.size();
            if (replica.up()) {
                try {
                    read(replica.port());
                } catch (IOException e) {
                    // cut by a killed replica: go on elsewhere
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (!ended) {
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void read(int port) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(NaviProcesses.uri(port, "/api/v1/tasks/" + taskId + "/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        long last = last();
        if (last > 0) {
            request.header("Last-Event-ID", Long.toString(last));
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        connections.incrementAndGet();
        try (InputStream body = response.body()) {
            if (response.statusCode() == 204) {
                ended = true;
            } else if (response.statusCode() == 200) {
                readEvents(body);
            }
        }
    }

    private void readEvents(InputStream body) throws IOException {
        var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        String id = null;
        String type = null;
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (id != null) {
                    synchronized (seqs) {
                        seqs.add(Long.parseLong(id));
                    }
                    if (TERMINAL.contains(type)) {
                        ended = true;
                        return;
                    }
                }
                id = null;
                type = null;
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                type = line.substring(6).strip();
            }
        }
    }

    private long last() {
        synchronized (seqs) {
            return seqs.isEmpty() ? 0 : seqs.getLast();
        }
    }
}
