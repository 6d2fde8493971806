package dev.navi.security.internal;

import dev.navi.security.Caller;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated request: the principal is the {@link Caller}, the authorities its scopes as
 * {@code SCOPE_<scope>} (the health endpoint's {@code roles} setting names {@code SCOPE_admin}).
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

    static final String AUTHORITY_PREFIX = "SCOPE_";

    private final Caller caller;

    CallerAuthentication(Caller caller) {
        super(authorities(caller));
        this.caller = caller;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(Caller caller) {
        return caller.scopes().stream()
                .sorted()
                .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(AUTHORITY_PREFIX + scope))
                .toList();
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    /** Never the credential. */
    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.subject();
    }
}
