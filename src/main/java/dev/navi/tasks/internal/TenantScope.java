package dev.navi.tasks.internal;

import dev.navi.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The tenant a query is confined to, as a condition of the SQL itself: {@code null} only for an admin
 * looking at every tenant.
 */
record TenantScope(String tenant) {

    /** A caller's own tenant; every tenant for an admin. */
    static TenantScope of(Caller caller) {
        return new TenantScope(caller.isAdmin() ? null : caller.tenant());
    }

    /** Like {@link #of}, but an admin may narrow the list to one tenant. */
    static TenantScope listing(Caller caller, String tenant) {
        return new TenantScope(caller.isAdmin() ? tenant : caller.tenant());
    }

    /** The condition to append to a {@code where} clause. */
    String and() {
        return tenant == null ? "" : " and tenant = :tenant";
    }

    StatementSpec bind(StatementSpec statement) {
        return tenant == null ? statement : statement.param("tenant", tenant);
    }
}
