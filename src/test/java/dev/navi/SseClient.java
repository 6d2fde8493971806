package dev.navi;

import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.function.Predicate;

/** A minimal SSE reader for tests: reads events until the server ends the stream or a predicate says stop. */
final class SseClient {

    record Event(String id, String type, String data) {}

    private final HttpClient http = HttpClient.newHttpClient();

    /** Reads the whole stream (until the server closes it). */
    List<Event> readAll(URI uri, String lastEventId) {
        return readUntil(uri, lastEventId, event -> false);
    }

    /** Reads until the server closes the stream or {@code stop} accepts an event (which is included). */
    List<Event> readUntil(URI uri, String lastEventId, Predicate<Event> stop) {
        var request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        var adminToken = NaviHome.HOME.resolve("admin.token");
        try {
            if (java.nio.file.Files.exists(adminToken)) {
                request.header(
                        "Authorization",
                        "Bearer " + java.nio.file.Files.readString(adminToken).strip());
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SSE request answered " + response.statusCode());
            }
            try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                return parse(reader, stop);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Event> parse(BufferedReader reader, Predicate<Event> stop) throws IOException {
        var events = new ArrayList<Event>();
        String id = null;
        String type = null;
        var data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (type != null || !data.isEmpty()) {
                    var event = new Event(id, type == null ? "message" : type, data.toString());
                    events.add(event);
                    if (stop.test(event)) {
                        return events;
                    }
                }
                id = null;
                type = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                type = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
        }
        return events;
    }
}
