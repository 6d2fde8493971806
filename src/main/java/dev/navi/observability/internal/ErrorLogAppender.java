package dev.navi.observability.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Turns every ERROR log event that carries an exception into an error event: class = the exception's
 * class, component = the NAVI module of the logger, task = the {@code taskId} of the MDC, fingerprint
 * over class, component and the top stack frames; the message never carries SQL text (see
 * {@link #message}). Severity is {@code critical} when the cause chain
 * shows the database failing or the JVM itself in trouble (a {@link Error}); {@code error} otherwise.
 */
final class ErrorLogAppender extends AppenderBase<ILoggingEvent> {

    static final int ORIGIN_FRAMES = 5;
    private static final String NAVI_PACKAGE = "dev.navi.";

    private final Consumer<ErrorEvent> sink;

    ErrorLogAppender(Consumer<ErrorEvent> sink) {
        this.sink = sink;
        setName("navi-error-events");
    }

    @Override
    protected void append(ILoggingEvent event) {
        var thrown = event.getThrowableProxy();
        if (!event.getLevel().isGreaterOrEqual(Level.ERROR) || thrown == null) {
            return;
        }
        var component = component(event.getLoggerName());
        sink.accept(new ErrorEvent(
                ErrorEvent.fingerprint(thrown.getClassName(), component, origin(thrown)),
                thrown.getClassName(),
                severity(thrown),
                component,
                taskId(event.getMDCPropertyMap().get("taskId")),
                message(event, thrown),
                Instant.ofEpochMilli(event.getTimeStamp())));
    }

    /** {@code dev.navi.tasks.internal.X} → {@code tasks}; loggers outside NAVI → {@code other}. */
    static String component(String loggerName) {
        if (loggerName == null || !loggerName.startsWith(NAVI_PACKAGE)) {
            return "other";
        }
        var rest = loggerName.substring(NAVI_PACKAGE.length());
        var module = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : "application";
        return module.chars().allMatch(c -> c >= 'a' && c <= 'z') ? module : "application";
    }

    private static final List<String> CRITICAL_CAUSES = List.of(
            "java.sql.SQLException",
            "java.sql.SQLTransientConnectionException",
            "org.postgresql.util.PSQLException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.jdbc.CannotGetJdbcConnectionException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "java.lang.OutOfMemoryError",
            "java.lang.StackOverflowError",
            "java.lang.InternalError");

    /** Critical: the database cannot be reached or answers with errors, or the JVM is failing. */
    static ErrorEvent.Severity severity(IThrowableProxy thrown) {
        for (var cause = thrown; cause != null; cause = cause.getCause()) {
            if (CRITICAL_CAUSES.contains(cause.getClassName())) {
                return ErrorEvent.Severity.CRITICAL;
            }
        }
        return ErrorEvent.Severity.ERROR;
    }

    private static List<String> origin(IThrowableProxy thrown) {
        var frames = thrown.getStackTraceElementProxyArray();
        return frames == null
                ? List.of()
                : Arrays.stream(frames)
                        .limit(ORIGIN_FRAMES)
                        .map(StackTraceElementProxy::getStackTraceElement)
                        .map(frame -> frame.getClassName() + "." + frame.getMethodName())
                        .toList();
    }

    /** Packages whose exception messages carry SQL text, parameters or connection details. */
    private static final List<String> INTERNAL_DETAIL = List.of(
            "java.sql.",
            "javax.sql.",
            "org.springframework.dao.",
            "org.springframework.jdbc.",
            "org.springframework.transaction.",
            "org.postgresql.",
            "com.zaxxer.hikari.",
            "org.flywaydb.");

    /**
     * The log line, and the exception's message unless the cause chain runs through the database layer,
     * whose messages hold SQL and values: those stay in the log, the event names the root class only.
     */
    static String message(ILoggingEvent event, IThrowableProxy thrown) {
        IThrowableProxy root = thrown;
        boolean internal = false;
        for (var cause = thrown; cause != null; cause = cause.getCause()) {
            root = cause;
            var name = cause.getClassName();
            internal |= INTERNAL_DETAIL.stream().anyMatch(name::startsWith);
        }
        if (internal) {
            var rootName = root.getClassName().substring(root.getClassName().lastIndexOf('.') + 1);
            return event.getFormattedMessage() + " (" + rootName + "; details in the log)";
        }
        return thrown.getMessage() == null
                ? event.getFormattedMessage()
                : event.getFormattedMessage() + ": " + thrown.getMessage();
    }

    private static UUID taskId(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
