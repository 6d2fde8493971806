package dev.navi.llmsim.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes (whole, partial or streamed) responses to an exchange, with delays and connection cuts. */
final class ResponseWriter {

    private final HttpExchange exchange;

    ResponseWriter(HttpExchange exchange) {
        this.exchange = exchange;
    }

    void json(int status, Map<String, String> headers, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Announces the whole JSON body's length but sends only its first half, then drops the connection. */
    void partialJson(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        throw new ConnectionCut();
    }

    /** Sends SSE frames, {@code chunkDelayMs} apart, and ends the stream normally. */
    void stream(List<String> frames, long chunkDelayMs) throws IOException {
        OutputStream out = startStream();
        writeFrames(out, frames, chunkDelayMs);
        out.close();
    }

    /** Sends the first {@code count} SSE frames, then drops the connection. */
    void streamThenCut(List<String> frames, int count, long chunkDelayMs) throws IOException {
        OutputStream out = startStream();
        writeFrames(out, frames.subList(0, Math.min(count, frames.size())), chunkDelayMs);
        throw new ConnectionCut();
    }

    /** Sends nothing for {@code millis}, then drops the connection. */
    void hang(long millis) {
        pause(millis);
        throw new ConnectionCut();
    }

    static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionCut();
        }
    }

    private OutputStream startStream() throws IOException {
        exchange.getResponseHeaders().set("content-type", "text/event-stream");
        exchange.getResponseHeaders().set("cache-control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void writeFrames(OutputStream out, List<String> frames, long chunkDelayMs) throws IOException {
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                pause(chunkDelayMs);
            }
            out.write(frames.get(i).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
