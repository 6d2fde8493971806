package dev.navi.observability.internal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Attaches the {@link ErrorLogAppender} to the root logger while the application runs. */
@Component
class ErrorLogCapture implements InitializingBean, DisposableBean {

    private final ErrorEventWriter writer;
    private ErrorLogAppender appender;

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
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @Override
    public void destroy() {
        if (appender != null) {
            var context = (LoggerContext) appender.getContext();
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }
}
