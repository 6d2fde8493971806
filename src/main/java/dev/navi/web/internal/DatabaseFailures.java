package dev.navi.web.internal;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Reads a failure's cause chain for what the database said, by type and SQLSTATE, never by wording. */
final class DatabaseFailures {

    enum Kind {
        /** Cannot connect, connection lost, or a transient failure: retry later (503). */
        UNAVAILABLE,
        /** A data exception (SQLSTATE class 22): a value the database cannot store, such as NUL in text (400). */
        REJECTED_VALUE,
        NONE
    }

    private DatabaseFailures() {}

    static Kind classify(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransactionSystemException system) {
                return transactionEnd(system);
            }
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException) {
                return Kind.UNAVAILABLE;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                // 08: connection exception, 57P: operator intervention (shutdown), 53: insufficient resources
                var state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
                    return Kind.UNAVAILABLE;
                }
                if (state.startsWith("22")) {
                    return Kind.REJECTED_VALUE;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Kind.NONE;
    }

    /**
     * A commit or rollback the driver could not carry out (a closed or broken connection) hides the
     * failure that caused the rollback: that one decides, and a lost connection is an outage.
     */
    private static Kind transactionEnd(TransactionSystemException system) {
        var application = system.getApplicationException();
        var kind = application == null ? Kind.NONE : classify(application);
        if (kind != Kind.NONE) {
            return kind;
        }
        return system.getCause() instanceof SQLException ? Kind.UNAVAILABLE : Kind.NONE;
    }
}
