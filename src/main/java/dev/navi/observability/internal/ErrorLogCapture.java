package dev.navi.observability.internal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Attaches the {@link ErrorLogAppender} to the root logger while the application runs: from bean
 * creation (failures during startup count), again on every start, because another application
 * context in the same JVM (tests) re-initialises Logback and so detaches it, and off while stopped.
 */
@Component
class ErrorLogCapture implements InitializingBean, SmartLifecycle, DisposableBean {

    private final ErrorEventWriter writer;
    private ErrorLogAppender appender;
    private volatile boolean running;

    ErrorLogCapture(ErrorEventWriter writer) {
        this.writer = writer;
    }

    @Override
    public void afterPropertiesSet() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            LoggerFactory.getLogger(ErrorLogCapture.class)
                    .warn("Logging is not Logback: ERROR log events are not recorded as error events");
            return;
        }
        appender = new ErrorLogAppender(writer::submit);
        appender.setContext(context);
        appender.start();
        attach();
    }

    @Override
    public void start() {
        attach();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        detach();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the writer, stops before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    @Override
    public void destroy() {
        detach();
        if (appender != null) {
            appender.stop();
        }
    }

    private void attach() {
        if (appender != null) {
            root().addAppender(appender);
        }
    }

    private void detach() {
        if (appender != null) {
            root().detachAppender(appender);
        }
    }

    private Logger root() {
        return ((LoggerContext) appender.getContext()).getLogger(Logger.ROOT_LOGGER_NAME);
    }
}
