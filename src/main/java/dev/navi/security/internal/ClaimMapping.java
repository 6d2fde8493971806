package dev.navi.security.internal;

import dev.navi.security.Caller;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A verified JWT's claims as a {@link Caller}: {@code sub} and the tenant claim must be non-blank strings;
 * the scope claim is a space-separated string or an array of strings, and scopes NAVI does not know are
 * ignored.
 */
final class ClaimMapping {

    static final Set<String> KNOWN_SCOPES = Set.of(Caller.TASKS_READ, Caller.TASKS_WRITE, Caller.ADMIN);

    private final String tenantClaim;
    private final String scopeClaim;

    ClaimMapping(String tenantClaim, String scopeClaim) {
        this.tenantClaim = tenantClaim;
        this.scopeClaim = scopeClaim;
    }

    Caller caller(Map<String, Object> claims) {
        var subject = nonBlank(claims.get("sub"));
        var tenant = nonBlank(claims.get(tenantClaim));
        if (subject == null || tenant == null) {
            throw new BearerRefusal(FailureReason.INVALID_CLAIMS);
        }
        return new Caller(subject, tenant, scopes(claims.get(scopeClaim)), null);
    }

    static Set<String> scopes(Object claim) {
        var names = switch (claim) {
            case String spaced -> Arrays.stream(spaced.split(" "));
            case Collection<?> list ->
                list.stream().filter(String.class::isInstance).map(String.class::cast);
            case null, default -> Stream.<String>empty();
        };
        return names.filter(KNOWN_SCOPES::contains).collect(Collectors.toUnmodifiableSet());
    }

    private static String nonBlank(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
