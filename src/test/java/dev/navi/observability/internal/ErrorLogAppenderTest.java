package dev.navi.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorLogAppenderTest {

    private final List<ErrorEvent> recorded = new ArrayList<>();
    private final ErrorLogAppender appender = new ErrorLogAppender(recorded::add);
    private final LoggerContext context = new LoggerContext();

    @Nested
    class Recording {

        @Test
        void whenAnErrorCarriesAnExceptionThenItIsRecordedWithModuleClassAndTask() {
            var taskId = UUID.randomUUID();

            appender.doAppend(event(Level.ERROR, "dev.navi.tasks.internal.TaskCatalog", failure(), taskId.toString()));

            assertThat(recorded).singleElement().satisfies(event -> {
                assertThat(event.component()).isEqualTo("tasks");
                assertThat(event.errorClass()).isEqualTo(IllegalStateException.class.getName());
                assertThat(event.severity()).isEqualTo(ErrorEvent.Severity.ERROR);
                assertThat(event.taskId()).isEqualTo(taskId);
                assertThat(event.message()).isEqualTo("it broke: disk on fire");
            });
        }

        @Test
        void whenTheDatabaseFailsUnderneathThenTheEventIsCritical() {
            var thrown = new IllegalStateException(
                    "could not finish", new java.sql.SQLTransientConnectionException("pool exhausted"));

            appender.doAppend(event(Level.ERROR, "dev.navi.agent.internal.TaskWorker", thrown, null));
            appender.doAppend(event(Level.ERROR, "dev.navi.agent.internal.TaskWorker", new OutOfMemoryError(), null));

            assertThat(recorded)
                    .extracting(ErrorEvent::severity)
                    .containsExactly(ErrorEvent.Severity.CRITICAL, ErrorEvent.Severity.CRITICAL);
        }

        @Test
        void whenTheDatabaseLayerFailsThenTheMessageKeepsTheSqlAndItsValuesInTheLog() {
            var thrown = new org.springframework.dao.DataIntegrityViolationException(
                    "PreparedStatementCallback; SQL [insert into tasks (id, prompt) values (?, ?)]; ERROR: invalid"
                            + " byte sequence for encoding \"UTF8\": 0x00",
                    new java.sql.SQLException("ERROR: invalid byte sequence; Detail: Key (prompt)=(secret)", "22021"));

            appender.doAppend(event(Level.ERROR, "dev.navi.web.internal.ProblemHandler", thrown, null));

            assertThat(recorded).singleElement().satisfies(event -> {
                assertThat(event.errorClass())
                        .isEqualTo(org.springframework.dao.DataIntegrityViolationException.class.getName());
                assertThat(event.fingerprint()).isNotBlank();
                assertThat(event.message()).isEqualTo("it broke (SQLException; details in the log)");
                assertThat(event.message()).doesNotContain("insert", "SQL [", "secret");
            });
        }

        @Test
        void whenWarningOrNoExceptionThenNothingIsRecorded() {
            appender.doAppend(event(Level.WARN, "dev.navi.tasks.X", failure(), null));
            appender.doAppend(event(Level.ERROR, "dev.navi.tasks.X", null, null));

            assertThat(recorded).isEmpty();
        }

        @Test
        void whenTheSameFailureHappensAgainThenTheFingerprintIsTheSame() {
            appender.doAppend(event(Level.ERROR, "dev.navi.tools.X", failure(), "not-a-uuid"));
            appender.doAppend(event(Level.ERROR, "dev.navi.tools.X", failure(), null));
            appender.doAppend(event(Level.ERROR, "dev.navi.agent.X", failure(), null));

            assertThat(recorded.get(0).fingerprint()).isEqualTo(recorded.get(1).fingerprint());
            assertThat(recorded.get(2).fingerprint())
                    .isNotEqualTo(recorded.get(0).fingerprint());
            assertThat(recorded.get(0).taskId()).isNull();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "dev.navi.llm.internal.ModelCall, llm",
        "dev.navi.web.internal.ProblemHandler, web",
        "dev.navi.NaviApplication, application",
        "org.springframework.web.servlet.DispatcherServlet, other",
        "dev.navi.Weird.Name, application"
    })
    void whenMappingLoggersThenTheNaviModuleIsTheComponent(String logger, String component) {
        assertThat(ErrorLogAppender.component(logger)).isEqualTo(component);
    }

    private static IllegalStateException failure() {
        return new IllegalStateException("disk on fire");
    }

    private LoggingEvent event(Level level, String logger, Throwable thrown, String taskId) {
        var event = new LoggingEvent(
                ErrorLogAppenderTest.class.getName(), context.getLogger(logger), level, "it broke", thrown, null);
        event.setMDCPropertyMap(taskId == null ? Map.of() : Map.of("taskId", taskId));
        return event;
    }

    {
        appender.setContext(context);
        appender.start();
    }
}
