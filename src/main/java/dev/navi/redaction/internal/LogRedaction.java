package dev.navi.redaction.internal;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/** Puts a {@link RedactingEncoder} in front of the encoder of every appender that writes log lines. */
final class LogRedaction {

    private LogRedaction() {}

    static void wrapEncoders() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (var logger : context.getLoggerList()) {
            for (var appenders = logger.iteratorForAppenders(); appenders.hasNext(); ) {
                if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> appender
                        && appender.getEncoder() != null
                        && !(appender.getEncoder() instanceof RedactingEncoder)) {
                    var encoder = new RedactingEncoder(appender.getEncoder());
                    encoder.start();
                    appender.setEncoder(encoder);
                }
            }
        }
    }
}
