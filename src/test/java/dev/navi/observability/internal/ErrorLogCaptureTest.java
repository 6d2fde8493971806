package dev.navi.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.navi.redaction.Redactor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ErrorLogCaptureTest {

    private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    private final ErrorLogCapture capture = new ErrorLogCapture(new ErrorEventWriter(
            new ErrorEventStore(null),
            new SimpleMeterRegistry(),
            new ObservabilityProperties(false, Duration.ofSeconds(5), 10, 50, 200),
            new Redactor(List.of())));

    @AfterEach
    void destroy() {
        capture.destroy();
    }

    @Test
    void whenCreatedThenAttachedBeforeTheApplicationStarts() {
        capture.afterPropertiesSet();

        assertThat(captureAppenders()).hasSize(1);
    }

    @Test
    void whenAnotherContextReinitialisedLoggingThenStartingAgainAttachesItOnce() {
        capture.afterPropertiesSet();
        capture.start();
        var appender = captureAppenders().getFirst();
        root.detachAppender(appender); // what a Logback reset by another application context does
        capture.stop();

        capture.start();
        capture.start();

        assertThat(captureAppenders()).containsExactly(appender);
    }

    @Test
    void whenStoppedThenDetached() {
        capture.afterPropertiesSet();
        capture.start();

        capture.stop();

        assertThat(captureAppenders()).isEmpty();
        assertThat(capture.isRunning()).isFalse();
    }

    private List<ErrorLogAppender> captureAppenders() {
        var found = new ArrayList<ErrorLogAppender>();
        root.iteratorForAppenders().forEachRemaining(appender -> {
            if (appender instanceof ErrorLogAppender ours) {
                found.add(ours);
            }
        });
        return found;
    }
}
