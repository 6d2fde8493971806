package dev.navi.llm.internal;

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

    /**
     * Sends the request and reads the reply.
     *
     * @throws dev.navi.llm.LlmException classified, when the call fails
     * @throws InterruptedException when the calling thread is interrupted; the exchange is abandoned
     */
    CallResult call(HttpRequest.Builder request, boolean stream, ReplyFormat format) throws InterruptedException {
        if ("http".equals(request.copy().build().uri().getScheme())) {
            request.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade attempts on plain local servers
        }
        // the watchdog enforces the first-byte timeout; the client's own timeout only backs it up
        HttpRequest built =
                request.timeout(firstByteTimeout.plus(BACKUP_MARGIN)).build();
        ModelCall call = new ModelCall(http.sendAsync(built, BodyHandlers.ofInputStream()), classifier, json, format);
        try (CallWatch watch = watchdog.watch(firstByteTimeout, idleTimeout, call::abort)) {
            return call.run(watch, stream);
        }
    }
}
