package dev.navi.cli.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A JDK HTTP server on loopback answering the n-th request with the n-th handler (the last one repeats). */
final class FakeNavi implements AutoCloseable {

    interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    /** What a request carried that the tests look at. */
    record Request(String method, String path, Map<String, List<String>> headers) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst();
        }
    }

    private final HttpServer server;
    private final List<Handler> handlers;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeNavi(Handler... handlers) {
        this.handlers = List.of(handlers);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        var index = requests.size();
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders())));
        try (exchange) {
            handlers.get(Math.min(index, handlers.size() - 1)).handle(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return requests;
    }

    NaviClient client(java.io.PrintStream notices) {
        return new NaviClient(
                new Connection(baseUrl(), Optional.of("secret-token"), "test"), Duration.ofSeconds(10), notices);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static void json(HttpExchange exchange, int status, String contentType, String body, String... headers)
            throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** An SSE frame as NAVI writes it. */
    static String event(long seq, String type) {
        return "id:" + seq + "\nevent:" + type + "\ndata:{\"seq\":" + seq + ",\"type\":\"" + type + "\"}\n\n";
    }

    static final String HEARTBEAT = "event:heartbeat\ndata:{}\n\n";

    /** A stream that sends {@code frames} (chunked) and ends cleanly. */
    static Handler stream(String... frames) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            var body = exchange.getResponseBody();
            body.write("retry:3000\n\n".getBytes(StandardCharsets.UTF_8));
            for (var frame : frames) {
                body.write(frame.getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        };
    }

    /** A stream that promises more than it sends and is cut after {@code frames}: the client sees an error. */
    static Handler cut(String... frames) {
        return exchange -> {
            var text = String.join("", frames);
            var bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, bytes.length + 10_000);
            exchange.getResponseBody().write(bytes);
            exchange.getResponseBody().flush();
            // closing the exchange short of the promised length drops the connection
        };
    }
}
