package dev.navi.web.internal;

import dev.navi.tasks.InvalidTaskException;
import dev.navi.tasks.TaskAlreadyFinishedException;
import dev.navi.tasks.TaskNotFoundException;
import dev.navi.workspace.WorkspaceException;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
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
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 {@code application/problem+json} with a stable {@code type}
 * ({@code urn:navi:problem:<name>}, listed in docs/api.md).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler
    ProblemDetail invalidTask(InvalidTaskException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail workspace(WorkspaceException e) {
        return switch (e.reason()) {
            case INVALID -> problem(HttpStatus.BAD_REQUEST, "invalid-workspace", e.getMessage());
            case NOT_FOUND -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "workspace-not-found", e.getMessage());
            case GIT_REPOSITORY_NOT_FOUND ->
                problem(HttpStatus.UNPROCESSABLE_CONTENT, "git-repository-not-found", e.getMessage());
            case GIT_REF_NOT_FOUND -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "git-ref-not-found", e.getMessage());
            case TOO_LARGE -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "workspace-too-large", e.getMessage());
            case UNAVAILABLE -> problem(HttpStatus.CONFLICT, "workspace-unavailable", e.getMessage());
        };
    }

    @ExceptionHandler
    ProblemDetail notFound(TaskNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "task-not-found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail finished(TaskAlreadyFinishedException e) {
        return problem(HttpStatus.CONFLICT, "task-already-finished", e.getMessage());
    }

    /** The database is down or unreachable: a server-side outage, not a bug; clients may retry. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException e) {
        log.error("Database unavailable", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "database-unavailable",
                        "The database is not answering; try again shortly"));
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("Unhandled error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "An unexpected error occurred");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", unreadableDetail(e));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && "about:blank".equals(String.valueOf(problem.getType()))) {
            problem.setType(typeFor(status));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static String unreadableDetail(HttpMessageNotReadableException e) {
        return switch (e.getCause()) {
            case UnrecognizedPropertyException unknown -> "Unknown field '" + path(unknown) + "'";
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

    private static URI typeFor(HttpStatusCode status) {
        var name = switch (status.value()) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.value();
        };
        return URI.create("urn:navi:problem:" + name);
    }

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:navi:problem:" + type));
        return problem;
    }
}
