package dev.navi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.audit.AuditAction;
import dev.navi.audit.AuditEntry;
import dev.navi.audit.AuditOutcome;
import dev.navi.security.ApiKeyCreated;
import dev.navi.security.ApiKeyRevoked;
import dev.navi.security.AuthenticationFailed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SecurityAuditListenerTest {

    private final List<AuditEntry> recorded = new CopyOnWriteArrayList<>();
    private final SecurityAuditListener listener = new SecurityAuditListener(recorded::add);
    private final Instant start = Instant.parse("2026-12-01T10:00:00Z");

    @Nested
    class ApiKeys {

        @Test
        void whenAKeyIsCreatedThenTheRecordNamesWhoItsTenantAndScopesButNoSecret() {
            listener.on(new ApiKeyCreated("k-1", "ci", "acme", Set.of("tasks:write", "tasks:read"), "admin", start));

            assertThat(recorded).singleElement().satisfies(entry -> {
                assertThat(entry.action()).isEqualTo(AuditAction.API_KEY_CREATED);
                assertThat(entry.subject()).isEqualTo("admin");
                assertThat(entry.tenant()).isEqualTo("acme");
                assertThat(entry.target()).isEqualTo("k-1");
                assertThat(entry.details()).isEqualTo(Map.of("name", "ci", "scopes", "tasks:read tasks:write"));
            });
        }

        @Test
        void whenAKeyIsRevokedThenItIsRecorded() {
            listener.on(new ApiKeyRevoked("k-1", "admin", start));

            assertThat(recorded)
                    .singleElement()
                    .satisfies(entry -> assertThat(entry.action()).isEqualTo(AuditAction.API_KEY_REVOKED));
        }
    }

    @Nested
    class RefusedRequests {

        @Test
        void whenOneSourceFailsManyTimesInAWindowThenOneRecordCarriesTheCount() {
            for (int i = 0; i < 50; i++) {
                listener.on(failure("10.0.0.9", "bad_signature", start.plusMillis(i * 100L)));
            }
            listener.on(failure("10.0.0.9", "bad_signature", start.plusSeconds(11)));

            assertThat(recorded).hasSize(2);
            assertThat(recorded.getFirst().outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(recorded.getFirst().clientAddress()).isEqualTo("10.0.0.9");
            assertThat(recorded.getFirst().details()).containsEntry("refusals", "1");
            assertThat(recorded.getLast().details())
                    .containsEntry("reason", "bad_signature")
                    .containsEntry("refusals", "50");
        }

        @Test
        void whenSourcesOrReasonsDifferThenEachIsRecorded() {
            listener.on(failure("10.0.0.9", "expired", start));
            listener.on(failure("10.0.0.9", "missing", start));
            listener.on(failure("10.0.0.10", "expired", start));

            assertThat(recorded).hasSize(3);
        }
    }

    private static AuthenticationFailed failure(String address, String reason, Instant at) {
        return new AuthenticationFailed(reason, address, null, "/api/v1/tasks", at);
    }
}
