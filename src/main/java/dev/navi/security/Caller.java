package dev.navi.security;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller: the principal of every authenticated request. Controllers take it as a
 * method parameter; filters find it as the principal of the security context's authentication.
 *
 * @param subject who: the JWT's {@code sub}, or the API key's owner
 * @param tenant whose data the caller works on; every task belongs to one
 * @param scopes what the caller may do ({@link #TASKS_READ}, {@link #TASKS_WRITE}, {@link #ADMIN})
 * @param keyId the API key's id, or null for a JWT or the local admin token
 */
public record Caller(String subject, String tenant, Set<String> scopes, String keyId) {

    public static final String TASKS_READ = "tasks:read";
    public static final String TASKS_WRITE = "tasks:write";
    public static final String ADMIN = "admin";

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenant, "tenant");
        scopes = Set.copyOf(scopes);
    }

    public boolean isAdmin() {
        return scopes.contains(ADMIN);
    }

    /** Admins hold every scope. */
    public boolean has(String scope) {
        return isAdmin() || scopes.contains(scope);
    }
}
