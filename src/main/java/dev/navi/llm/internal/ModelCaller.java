package dev.navi.llm.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** Sends model calls over the shared HTTP client, each watched by the shared watchdog. */
final class ModelCaller {

    private static final Duration BACKUP_MARGIN = Duration.ofSeconds(1);

    private final HttpClient http;
    private final CallWatchdog watchdog;
    private final ErrorClassifier classifier;
    private final JsonMapper json;
    private final Duration firstByteTimeout;
    private final Duration idleTimeout;

    ModelCaller(
            HttpClient http,
            CallWatchdog watchdog,
            ErrorClassifier classifier,
            JsonMapper json,
            Duration firstByteTimeout,
            Duration idleTimeout) {
        this.http = http;
        this.watchdog = watchdog;
        this.classifier = classifier;
        this.json = json;
        this.firstByteTimeout = firstByteTimeout;
        this.idleTimeout = idleTimeout;
    }

    /** A request to {@code endpoint}: HTTP/1.1 on plain local servers, so that no h2c upgrade is attempted. */
    static HttpRequest.Builder requestTo(URI endpoint) {
        var request = HttpRequest.newBuilder(endpoint);
        return "http".equals(endpoint.getScheme()) ? request.version(HttpClient.Version.HTTP_1_1) : request;
    }

    /**
     * Sends the request (built from {@link #requestTo}) and reads the reply.
     *
     * @throws dev.navi.llm.LlmException classified, when the call fails
     * @throws InterruptedException when the calling thread is interrupted; the exchange is abandoned
     */
    CallResult call(HttpRequest.Builder request, boolean stream, ReplyFormat format) throws InterruptedException {
        // the watchdog enforces the first-byte timeout; the client's own timeout only backs it up
        HttpRequest built =
                request.timeout(firstByteTimeout.plus(BACKUP_MARGIN)).build();
        ModelCall call = new ModelCall(http.sendAsync(built, BodyHandlers.ofInputStream()), classifier, json, format);
        try (CallWatch watch = watchdog.watch(firstByteTimeout, idleTimeout, call::abort)) {
            return call.run(watch, stream);
        }
    }
}
