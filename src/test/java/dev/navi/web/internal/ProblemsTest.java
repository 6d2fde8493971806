package dev.navi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class ProblemsTest {

    @Nested
    class Types {

        @Test
        void whenAFrameworkProblemHasNoTypeThenItGetsTheTypeOfItsStatus() {
            var untyped = ProblemDetail.forStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            var blank = ProblemDetail.forStatus(HttpStatus.METHOD_NOT_ALLOWED);
            blank.setType(URI.create("about:blank"));
            var typed = Problems.of(HttpStatus.NOT_FOUND, "task-not-found", "No task");

            Problems.typeIfMissing(untyped);
            Problems.typeIfMissing(blank);
            Problems.typeIfMissing(typed);

            assertThat(untyped.getType()).hasToString("urn:navi:problem:unsupported-media-type");
            assertThat(blank.getType()).hasToString("urn:navi:problem:method-not-allowed");
            assertThat(typed.getType()).hasToString("urn:navi:problem:task-not-found");
        }

        @ParameterizedTest
        @CsvSource({
            "400, 400, bad-http-request",
            "501, 400, bad-http-request",
            "505, 400, bad-http-request",
            "417, 417, expectation-failed",
            "431, 431, bad-http-request",
            "404, 404, not-found",
            "500, 500, internal-error"
        })
        void whenTheContainerAnswersAStatusThenItsProblemIsAClientErrorUnlessTheServerFailed(
                int status, int answered, String type) {
            var problem = ContainerProblems.forStatus(status);

            assertThat(problem.getStatus()).isEqualTo(answered);
            assertThat(problem.getType()).hasToString("urn:navi:problem:" + type);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/api/v1/tasks/x;%, /api/v1/tasks/x;%25",
        "/api/v1/tasks/%41b, /api/v1/tasks/%41b",
        "/a b\"<é>, /a%20b%22%3C%C3%A9%3E"
    })
    void whenAPathIsUnsafeThenTheInstanceEscapesIt(String path, String instance) {
        assertThat(Problems.safePath(path)).isEqualTo(instance);
        assertThat(URI.create(Problems.safePath(path))).isNotNull();
    }

    @Nested
    class DatabaseFailureKinds {

        @Test
        void whenNoConnectionOrTransactionCanBeHadThenUnavailable() {
            assertThat(DatabaseFailures.classify(new CannotCreateTransactionException("no connection")))
                    .isEqualTo(DatabaseFailures.Kind.UNAVAILABLE);
            assertThat(DatabaseFailures.classify(new IllegalStateException(new SQLException("gone", "08006"))))
                    .isEqualTo(DatabaseFailures.Kind.UNAVAILABLE);
            assertThat(DatabaseFailures.classify(new RuntimeException(new ConnectException("refused"))))
                    .isEqualTo(DatabaseFailures.Kind.UNAVAILABLE);
        }

        @Test
        void whenTheRollbackFailsOnAClosedConnectionThenTheCauseOfTheRollbackDecides() {
            var closed =
                    new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
            var hidingAnOutage = new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
            hidingAnOutage.initApplicationException(new CannotGetJdbcConnectionException("no connection"));
            var hidingABadValue = new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
            hidingABadValue.initApplicationException(new SQLException("invalid byte", "22021"));

            assertThat(DatabaseFailures.classify(closed)).isEqualTo(DatabaseFailures.Kind.UNAVAILABLE);
            assertThat(DatabaseFailures.classify(hidingAnOutage)).isEqualTo(DatabaseFailures.Kind.UNAVAILABLE);
            assertThat(DatabaseFailures.classify(hidingABadValue)).isEqualTo(DatabaseFailures.Kind.REJECTED_VALUE);
        }

        @Test
        void whenTheDatabaseRejectsAValueThenRejectedValueAndOtherwiseNone() {
            var nul = new DataIntegrityViolationException("insert", new SQLException("invalid byte", "22021"));

            assertThat(DatabaseFailures.classify(nul)).isEqualTo(DatabaseFailures.Kind.REJECTED_VALUE);
            assertThat(DatabaseFailures.classify(new SQLException("unique", "23505")))
                    .isEqualTo(DatabaseFailures.Kind.NONE);
            assertThat(DatabaseFailures.classify(new IllegalStateException("bug")))
                    .isEqualTo(DatabaseFailures.Kind.NONE);
        }
    }
}
