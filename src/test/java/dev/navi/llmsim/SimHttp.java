package dev.navi.llmsim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * Streams a request and collects every byte the client library delivered, including those that arrived before
     * the connection broke (reading through {@code ofInputStream} may drop those when the error overtakes them).
     */
    Stream stream(String path, Object body) {
        HttpRequest request = builder(path)
                .POST(HttpRequest.BodyPublishers.ofString(text(body)))
                .build();
        ByteCollector collector = new ByteCollector();
        AtomicReference<HttpResponse.ResponseInfo> head = new AtomicReference<>();
        try {
            client.send(request, info -> {
                head.set(info);
                return HttpResponse.BodySubscribers.fromSubscriber(collector);
            });
        } catch (IOException e) {
            // a broken stream: the collector knows what arrived
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        boolean broken = collector.awaitEnd();
        String contentType = head.get().headers().firstValue("content-type").orElse("");
        return new Stream(head.get().statusCode(), contentType, events(collector.text()), broken);
    }

    private static List<Event> events(String body) {
        List<Event> events = new ArrayList<>();
        String name = null;
        for (String line : body.split("\n")) {
            if (line.startsWith("event: ")) {
                name = line.substring("event: ".length());
            } else if (line.startsWith("data: ")) {
                events.add(new Event(name, line.substring("data: ".length())));
                name = null;
            }
        }
        return events;
    }

    /** Collects a response body; remembers whether it ended with an error. */
    private static final class ByteCollector implements Flow.Subscriber<List<ByteBuffer>> {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile boolean failed;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                synchronized (bytes) {
                    bytes.writeBytes(chunk);
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            failed = true;
            ended.countDown();
        }

        @Override
        public void onComplete() {
            ended.countDown();
        }

        boolean awaitEnd() {
            try {
                if (!ended.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("stream did not end within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return failed;
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
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
