package dev.navi.security.internal;

import dev.navi.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys, for admins: created (the key is shown once), listed without secrets, revoked. */
@RestController
@RequestMapping(value = "/api/v1/admin/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiKeysController {

    private static final int MAX_TEXT = 200;

    private final ApiKeys keys;

    ApiKeysController(ApiKeys keys) {
        this.keys = keys;
    }

    record CreateApiKey(String name, String tenant, List<String> scopes) {}

    /** A key as listed: never its secret. */
    record ApiKeyView(
            String id,
            String name,
            String tenant,
            String subject,
            Set<String> scopes,
            Instant createdAt,
            String createdBy,
            Instant revokedAt,
            Instant lastUsedAt) {

        static ApiKeyView of(ApiKeyStore.ApiKeyRow row) {
            return new ApiKeyView(
                    row.id(),
                    row.name(),
                    row.tenant(),
                    row.subject(),
                    new TreeSet<>(row.scopes()),
                    row.createdAt(),
                    row.createdBy(),
                    row.revokedAt(),
                    row.lastUsedAt());
        }
    }

    /** The new key; {@code key} is the only time its secret is shown. */
    record CreatedApiKey(String key, ApiKeyView apiKey) {}

    @Operation(summary = "Create an API key; the response shows the key once")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedApiKey> create(@RequestBody CreateApiKey request, Caller caller) {
        var name = text("name", request.name());
        var tenant = text("tenant", request.tenant());
        var issued = keys.issue(name, tenant, scopes(request.scopes()), caller);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedApiKey(issued.key(), ApiKeyView.of(issued.row())));
    }

    @Operation(summary = "Every API key, newest first, without secrets")
    @GetMapping
    List<ApiKeyView> list() {
        return keys.all().stream().map(ApiKeyView::of).toList();
    }

    @Operation(summary = "Revoke an API key: it is refused from now on")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id, Caller caller) {
        if (!keys.revoke(id, caller)) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No API key has the id " + id);
            problem.setType(URI.create("urn:navi:problem:api-key-not-found"));
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return ResponseEntity.noContent().build();
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " is required");
        }
        if (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            throw invalid(field, field + " must be at most " + MAX_TEXT + " characters, without control characters");
        }
        return value.strip();
    }

    private static Set<String> scopes(List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw invalid("scopes", "scopes must name at least one of " + new TreeSet<>(ClaimMapping.KNOWN_SCOPES));
        }
        for (var scope : scopes) {
            if (scope == null || !ClaimMapping.KNOWN_SCOPES.contains(scope)) {
                throw invalid("scopes", "Unknown scope; scopes are " + new TreeSet<>(ClaimMapping.KNOWN_SCOPES));
            }
        }
        return Set.copyOf(scopes);
    }

    private static ErrorResponseException invalid(String field, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("urn:navi:problem:invalid-request"));
        problem.setProperty("field", field);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
