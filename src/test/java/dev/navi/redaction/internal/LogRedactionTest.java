package dev.navi.redaction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.navi.redaction.Redactor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogRedactionTest {

    private static final String SECRET = "configured-secret-value";

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final Logger logger = (Logger) LoggerFactory.getLogger("redaction-test");
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Redactor previous = Redactor.current();

    @BeforeEach
    void attachAppender() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg %mdc%n%ex");
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(written);
        appender.start();
        logger.addAppender(appender);
        Redactor.install(new Redactor(List.of(SECRET)));
    }

    @AfterEach
    void detachAppender() {
        logger.detachAppender(appender);
        appender.stop();
        Redactor.install(previous);
    }

    @Test
    void whenEncodersAreWrappedThenMessagesArgumentsAndStackTracesAreRedacted() {
        LogRedaction.wrapEncoders();

        logger.warn(
                "calling with {} and sk-ant-api03-AbCdEfGhIjKlMnOpQr",
                SECRET,
                new IllegalStateException("refused key " + SECRET));

        String line = written.toString(StandardCharsets.UTF_8);
        assertThat(line).startsWith("calling with [REDACTED] and [REDACTED]").contains("refused key [REDACTED]");
        assertThat(line).doesNotContain(SECRET).doesNotContain("sk-ant-api03");
    }

    @Test
    void whenWrappedTwiceThenTheEncoderIsWrappedOnce() {
        LogRedaction.wrapEncoders();
        LogRedaction.wrapEncoders();

        assertThat(appender.getEncoder()).isInstanceOf(RedactingEncoder.class);
        assertThat(((RedactingEncoder) appender.getEncoder()).delegate()).isInstanceOf(PatternLayoutEncoder.class);
    }
}
