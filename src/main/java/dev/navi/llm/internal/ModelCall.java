package dev.navi.llm.internal;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One exchange with a provider: await the response, read its body as events or as one document, and
 * turn every failure into a classified {@link LlmException} or an {@link InterruptedException}.
 */
final class ModelCall {

    private static final Logger log = LoggerFactory.getLogger(ModelCall.class);
    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final CompletableFuture<HttpResponse<InputStream>> pending;
    private final ErrorClassifier classifier;
    private final JsonMapper json;
    private final ReplyFormat format;
    private CallWatch watch;
    private int status;

    ModelCall(
            CompletableFuture<HttpResponse<InputStream>> pending,
            ErrorClassifier classifier,
            JsonMapper json,
            ReplyFormat format) {
        this.pending = pending;
        this.classifier = classifier;
        this.json = json;
        this.format = format;
    }

    /** Abandons the exchange: no response yet, or a body being read. Safe from any thread. */
    void abort() {
        pending.cancel(true);
        pending.thenAccept(response -> closeQuietly(response.body()));
    }

    CallResult run(CallWatch callWatch, boolean stream) throws InterruptedException {
        this.watch = callWatch;
        try {
            HttpResponse<InputStream> response = awaitResponse();
            status = response.statusCode();
            try (InputStream body = new WatchedInputStream(response.body(), watch)) {
                return read(response.headers(), body, stream);
            }
        } catch (IOException failure) {
            if (Thread.interrupted()) {
                throw interrupted();
            }
            throw readFailure(failure);
        } catch (InterruptedException | RuntimeException failure) {
            abort();
            throw failure;
        }
    }

    private HttpResponse<InputStream> awaitResponse() throws InterruptedException {
        try {
            return pending.get();
        } catch (ExecutionException failure) {
            throw watch.expiry().map(this::timeout).orElseGet(() -> classifier.fromTransport(failure.getCause()));
        } catch (CancellationException aborted) {
            throw timeout(watch.expiry().orElse("the exchange was abandoned"));
        }
    }

    private CallResult read(HttpHeaders headers, InputStream body, boolean stream)
            throws IOException, InterruptedException {
        if (status < 200 || status >= 300) {
            LlmException failure = classifier.fromResponse(status, headers, errorBody(body));
            log.debug(
                    "Provider answered HTTP {}: {}",
                    status,
                    failure.errorClass().wireName());
            throw failure;
        }
        Optional<String> contentType = headers.firstValue("content-type");
        boolean events =
                contentType.map(type -> type.contains("text/event-stream")).orElse(stream);
        return events ? readEvents(body) : readDocument(body);
    }

    private CallResult readDocument(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        Duration firstByte = watch.timeToFirstByte().orElse(watch.elapsed());
        try {
            ParsedReply reply = format.document().apply(json.readTree(bytes));
            return new CallResult(reply, watch.elapsed(), firstByte);
        } catch (JacksonException malformed) {
            throw new LlmException(
                    LlmErrorClass.SERVER_ERROR, status, "the provider's reply is not valid JSON", null, malformed);
        }
    }

    private CallResult readEvents(InputStream body) throws IOException, InterruptedException {
        SseParser parser = new SseParser(new InputStreamReader(body, StandardCharsets.UTF_8));
        StreamAssembler assembler = format.streamAssemblers().get();
        Duration firstToken = null;
        Optional<SseEvent> event;
        while (!assembler.finished() && (event = parser.next()).isPresent()) {
            if (Thread.interrupted()) {
                throw interrupted();
            }
            Optional<VendorError> error = accept(assembler, event.get());
            if (error.isPresent()) {
                throw classifier.fromStreamError(status, error.get());
            }
            if (firstToken == null && assembler.hasContent()) {
                firstToken = watch.elapsed();
            }
        }
        if (!assembler.complete()) {
            throw watch.expiry()
                    .map(this::timeout)
                    .orElseGet(() -> new LlmException(
                            LlmErrorClass.STREAM_INTERRUPTED,
                            status,
                            "the response stream ended before its final event",
                            null,
                            null));
        }
        Duration ttft =
                firstToken != null ? firstToken : watch.timeToFirstByte().orElse(watch.elapsed());
        return new CallResult(assembler.reply(), watch.elapsed(), ttft);
    }

    private Optional<VendorError> accept(StreamAssembler assembler, SseEvent event) {
        try {
            return assembler.accept(event);
        } catch (JacksonException malformed) {
            throw new LlmException(
                    LlmErrorClass.SERVER_ERROR, status, "the provider sent a malformed stream event", null, malformed);
        }
    }

    /** The start of an error body; what could not be read is left out, an interruption is not. */
    private String errorBody(InputStream body) throws IOException {
        try {
            return new String(body.readNBytes(MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            if (Thread.currentThread().isInterrupted() || watch.expiry().isPresent()) {
                throw unreadable;
            }
            return "";
        }
    }

    private LlmException readFailure(IOException failure) {
        return watch.expiry()
                .map(this::timeout)
                .orElseGet(() -> new LlmException(
                        LlmErrorClass.STREAM_INTERRUPTED,
                        status,
                        "the response was cut off: " + failure.getMessage(),
                        null,
                        failure));
    }

    private LlmException timeout(String reason) {
        return new LlmException(LlmErrorClass.TIMEOUT, status, reason, null, null);
    }

    private InterruptedException interrupted() {
        abort();
        return new InterruptedException("model call interrupted");
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the exchange is being abandoned; nothing is left to report
        }
    }
}
