package dev.navi.observability.internal;

import dev.navi.observability.ErrorEventNotFoundException;
import dev.navi.observability.InvalidErrorQueryException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(value = "/api/v1/errors", produces = MediaType.APPLICATION_JSON_VALUE)
class ErrorsController {

    private final ErrorEventStore store;
    private final ObservabilityProperties properties;
    private final Clock clock;

    ErrorsController(ErrorEventStore store, ObservabilityProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Recorded server-side failures, most recently seen first")
    @GetMapping
    ErrorPage list(
            @RequestParam(required = false) Boolean resolved,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        int pageSize = size == null ? properties.errorsPageSize() : size;
        if (page < 0) {
            throw new InvalidErrorQueryException("page", "page must be >= 0");
        }
        if (pageSize < 1 || pageSize > properties.maxErrorsPageSize()) {
            throw new InvalidErrorQueryException(
                    "size", "size must be between 1 and " + properties.maxErrorsPageSize());
        }
        return new ErrorPage(store.page(resolved, page, pageSize), page, pageSize, store.count(resolved));
    }

    @Operation(summary = "Mark an error as resolved; it reopens when it happens again")
    @PostMapping("/{id}/resolve")
    ErrorEventRow resolve(@PathVariable UUID id) {
        return store.resolve(id, clock.instant()).orElseThrow(() -> new ErrorEventNotFoundException(id));
    }

    /** One page of error events; {@code total} counts all pages under the same filter. */
    record ErrorPage(List<ErrorEventRow> items, int page, int size, long total) {}
}
