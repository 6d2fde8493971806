package dev.navi.web.internal;

import dev.navi.audit.AuditWriteException;
import dev.navi.observability.ErrorEventNotFoundException;
import dev.navi.observability.InvalidErrorQueryException;
import dev.navi.tasks.ApprovalAlreadyDecidedException;
import dev.navi.tasks.ApprovalForbiddenException;
import dev.navi.tasks.ApprovalNotFoundException;
import dev.navi.tasks.InvalidTaskException;
import dev.navi.tasks.QuotaExceededException;
import dev.navi.tasks.TaskAlreadyFinishedException;
import dev.navi.tasks.TaskNotFoundException;
import dev.navi.workspace.WorkspaceException;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 {@code application/problem+json} with a stable {@code type} (see {@link Problems}).
 * Only server-side failures are logged at ERROR (and so become error events); a client's mistake never is.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler
    ProblemDetail invalidTask(InvalidTaskException e) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail workspace(WorkspaceException e) {
        return switch (e.reason()) {
            case INVALID -> Problems.of(HttpStatus.BAD_REQUEST, "invalid-workspace", e.getMessage());
            case NOT_FOUND -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "workspace-not-found", e.getMessage());
            case GIT_REPOSITORY_NOT_FOUND ->
                Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "git-repository-not-found", e.getMessage());
            case GIT_REF_NOT_FOUND ->
                Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "git-ref-not-found", e.getMessage());
            case TOO_LARGE -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "workspace-too-large", e.getMessage());
            case UNAVAILABLE -> Problems.of(HttpStatus.CONFLICT, "workspace-unavailable", e.getMessage());
        };
    }

    @ExceptionHandler
    ProblemDetail checkpointRemoved(CheckpointRemovedException e) {
        return Problems.of(HttpStatus.GONE, "checkpoint-removed", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(TaskNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "task-not-found", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> quotaExceeded(QuotaExceededException e) {
        var problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded", e.getMessage());
        problem.setProperty("quota", e.quota());
        problem.setProperty("limit", e.limit());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(problem);
    }

    /** Already logged and counted by the audit log; the action was rolled back with its record. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> auditUnavailable(AuditWriteException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "audit-unavailable",
                        "Nothing was done: the audit record of this action could not be written; try again shortly"));
    }

    @ExceptionHandler
    ProblemDetail finished(TaskAlreadyFinishedException e) {
        return Problems.of(HttpStatus.CONFLICT, "task-already-finished", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail approvalNotFound(ApprovalNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "approval-not-found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail approvalDecided(ApprovalAlreadyDecidedException e) {
        var problem = Problems.of(HttpStatus.CONFLICT, "approval-already-decided", e.getMessage());
        problem.setProperty("approvalStatus", e.approval().status().wireName());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail approvalForbidden(ApprovalForbiddenException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "approval-forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail errorNotFound(ErrorEventNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "error-not-found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidErrorQuery(InvalidErrorQueryException e) {
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    /** Tomcat refuses to decode the query string ({@code %zz}, {@code %FF}, {@code =x}). */
    @ExceptionHandler
    ProblemDetail undecodableQuery(InvalidParameterException e) {
        return RequestScreeningFilter.undecodableQuery();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return tooLargeResponse(e);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        return switch (DatabaseFailures.classify(e)) {
            case UNAVAILABLE -> databaseUnavailable(e);
            case REJECTED_VALUE -> {
                // the client's value, not a bug: one line, no stack, no error event
                log.warn(
                        "The database refused a value from the request: {}",
                        e.getClass().getName());
                yield ResponseEntity.badRequest()
                        .body(Problems.of(
                                HttpStatus.BAD_REQUEST,
                                "invalid-request",
                                "A value in the request cannot be stored (out of range or not valid text)"));
            }
            case NONE -> {
                log.error("Unhandled error", e);
                yield ResponseEntity.internalServerError()
                        .body(Problems.of(
                                HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "An unexpected error occurred"));
            }
        };
    }

    /** The database is down or unreachable: a server-side outage, not a bug; clients may retry. */
    private static ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.error("Database unavailable", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "database-unavailable",
                        "The database is not answering; try again shortly"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            var refused = tooLargeResponse(tooLarge);
            return new ResponseEntity<>(refused.getBody(), refused.getHeaders(), refused.getStatusCode());
        }
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", unreadableDetail(e));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            Problems.typeIfMissing(problem);
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> tooLargeResponse(BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .header(HttpHeaders.CONNECTION, "close")
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", e.getMessage()));
    }

    private static String unreadableDetail(HttpMessageNotReadableException e) {
        return switch (e.getCause()) {
            case UnrecognizedPropertyException unknown -> "Unknown field '" + path(unknown) + "'";
            case StreamConstraintsException limit -> "The body exceeds a JSON limit: " + limit.getOriginalMessage();
            case StreamReadException malformed -> "The body is not valid JSON: " + malformed.getOriginalMessage();
            case DatabindException mismatch -> "Field '" + path(mismatch) + "' has the wrong type or value";
            case JacksonException other -> "The body cannot be read: " + other.getOriginalMessage();
            case null, default -> "The request body is missing or cannot be read";
        };
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
