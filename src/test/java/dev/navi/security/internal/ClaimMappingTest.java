package dev.navi.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.security.Caller;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimMappingTest {

    private final ClaimMapping mapping = new ClaimMapping("org", "perms");

    @Test
    void whenClaimsAreCompleteThenTheCallerCarriesThem() {
        var caller = mapping.caller(Map.of("sub", "ana", "org", "acme", "perms", "tasks:read admin"));

        assertThat(caller).isEqualTo(new Caller("ana", "acme", Set.of("tasks:read", "admin"), null));
    }

    @Test
    void whenScopesAreAnArrayThenEachStringCounts() {
        var caller = mapping.caller(Map.of("sub", "ana", "org", "acme", "perms", List.of("tasks:write", 7)));

        assertThat(caller.scopes()).containsExactly("tasks:write");
    }

    @Test
    void whenScopesAreUnknownOrAbsentThenIgnored() {
        assertThat(ClaimMapping.scopes("openid  profile tasks:read")).containsExactly("tasks:read");
        assertThat(ClaimMapping.scopes(null)).isEmpty();
        assertThat(ClaimMapping.scopes(42)).isEmpty();
    }

    @Test
    void whenSubjectIsMissingOrBlankThenRefused() {
        assertRefused(Map.of("org", "acme"));
        assertRefused(Map.of("sub", " ", "org", "acme"));
    }

    @Test
    void whenTenantIsNotANonBlankStringThenRefused() {
        assertRefused(Map.of("sub", "ana"));
        assertRefused(Map.of("sub", "ana", "org", 42));
        assertRefused(Map.of("sub", "ana", "org", ""));
        var listTenant = new HashMap<String, Object>(Map.of("sub", "ana"));
        listTenant.put("org", List.of("acme"));
        assertRefused(listTenant);
    }

    private void assertRefused(Map<String, Object> claims) {
        assertThatThrownBy(() -> mapping.caller(claims))
                .isInstanceOfSatisfying(
                        BearerRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(FailureReason.INVALID_CLAIMS));
    }
}
