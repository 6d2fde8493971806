package dev.navi.events.internal;

import dev.navi.events.TaskAccess;
import dev.navi.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/tasks/{taskId}/events")
class TaskEventsController {

    private static final HttpHeaders STREAM_HEADERS = streamHeaders();

    private final EventStore store;
    private final StreamHub hub;
    private final JsonMapper json;
    private final EventsProperties properties;
    private final Counter resumes;
    private final TaskAccess access;
    private final StreamPermits permits;

    TaskEventsController(
            EventStore store,
            StreamHub hub,
            JsonMapper json,
            EventsProperties properties,
            MeterRegistry registry,
            TaskAccess access,
            StreamPermits permits) {
        this.access = access;
        this.permits = permits;
        this.store = store;
        this.hub = hub;
        this.json = json;
        this.properties = properties;
        this.resumes = Counter.builder("navi.sse.resumes")
                .description("Streams opened with Last-Event-ID or after, resuming a previous stream")
                .register(registry);
    }

    /**
     * A resume at or past the terminal event is answered 204, which tells {@code EventSource} to stop
     * reconnecting. Streams are marked uncacheable and unbuffered for reverse proxies (nginx honours
     * {@code X-Accel-Buffering}). A tenant at its stream quota gets 429 with {@code Retry-After}.
     */
    @Operation(summary = "Stream a task's events (SSE): replay, then live until the task ends")
    @ApiResponse(responseCode = "200", description = "The event stream")
    @ApiResponse(responseCode = "204", description = "The task has ended and the client has seen its last event")
    @ApiResponse(responseCode = "429", description = "The tenant has its most streams open on this replica")
    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(
            Caller caller,
            @PathVariable UUID taskId,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @RequestParam(name = "after", required = false) Long after) {
        requireTask(taskId, caller);
        long from = resumePoint(lastEventId, after);
        if (from > 0) {
            resumes.increment();
            if (store.endedAtOrBefore(taskId, from)) {
                return ResponseEntity.noContent().headers(STREAM_HEADERS).build();
            }
        }
        var permit = permits.acquire(caller.tenant()).orElseThrow(this::streamQuotaExceeded);
        try {
            var emitter = new SseEmitter(properties.maxStreamDuration().toMillis());
            new EventStream(taskId, from, emitter, store, hub, json, properties, permit).open();
            return ResponseEntity.ok().headers(STREAM_HEADERS).body(emitter);
        } catch (RuntimeException e) {
            permit.release();
            throw e;
        }
    }

    @Operation(summary = "A page of a task's events after a sequence number")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    EventPage page(
            Caller caller,
            @PathVariable UUID taskId,
            @RequestParam(name = "after", defaultValue = "0") long after,
            @RequestParam(name = "limit", required = false) Integer limit) {
        requireTask(taskId, caller);
        if (after < 0 || (limit != null && (limit < 1 || limit > properties.pageSize()))) {
            throw problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "after must be >= 0 and limit between 1 and " + properties.pageSize());
        }
        var events = store.after(taskId, after, limit == null ? properties.pageSize() : limit);
        var wire = events.stream()
                .map(event -> event.toWire(json.createObjectNode()))
                .toList();
        long last = events.isEmpty() ? after : events.getLast().seq();
        boolean finished = !events.isEmpty() && events.getLast().terminal();
        return new EventPage(taskId, wire, last, finished);
    }

    private static long resumePoint(String lastEventId, Long after) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                long seq = Long.parseLong(lastEventId.strip());
                if (seq >= 0) {
                    return seq;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the problem below
            }
            throw problem(HttpStatus.BAD_REQUEST, "invalid-request", "Last-Event-ID must be an event sequence number");
        }
        if (after != null && after < 0) {
            throw problem(HttpStatus.BAD_REQUEST, "invalid-request", "after must be >= 0");
        }
        return after == null ? 0 : after;
    }

    /** Another tenant's task is answered exactly like a missing one. */
    private void requireTask(UUID taskId, Caller caller) {
        if (!access.visible(taskId, caller)) {
            throw problem(HttpStatus.NOT_FOUND, "task-not-found", "No task " + taskId);
        }
    }

    private ErrorResponseException streamQuotaExceeded() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                "The tenant already has " + permits.maxPerTenant() + " event streams open, its quota"
                        + " (navi.events.max-streams-per-tenant); close one or try again later");
        problem.setType(URI.create("urn:navi:problem:quota-exceeded"));
        problem.setProperty("quota", "streams");
        problem.setProperty("limit", permits.maxPerTenant());
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
        return new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Streams end when their task does: a client may try again after a reconnect delay. */
    private long retryAfterSeconds() {
        return Math.max(1, (properties.reconnectDelay().toMillis() + 999) / 1000);
    }

    private static HttpHeaders streamHeaders() {
        var headers = new HttpHeaders();
        headers.setCacheControl(CacheControl.noCache());
        headers.set("X-Accel-Buffering", "no");
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:navi:problem:" + type));
        return new ErrorResponseException(status, problem, null);
    }

    /** A JSON page of events; {@code next} is the {@code after} value for the following page. */
    record EventPage(
            UUID taskId, java.util.List<tools.jackson.databind.node.ObjectNode> events, long next, boolean finished) {}
}
