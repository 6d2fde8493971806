package dev.navi.audit.internal;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log's keys and its API.
 *
 * @param key base64 of the 32-byte key material the audit log's encryption and MAC keys are derived from
 *     ({@code NAVI_AUDIT_KEY}); required under the {@code production} profile. When empty, a key is
 *     generated once into {@code keyFile} and reused
 * @param keyId id of {@code key}, stored with every row written under it ({@code NAVI_AUDIT_KEY_ID});
 *     give a new key a new id
 * @param previousKeys earlier keys by id (base64), to read and verify rows written before a rotation
 * @param keyFile where the development key is kept when no key is configured (mode 0600; default
 *     {@code $NAVI_HOME/audit.key})
 * @param pageSize entries returned by {@code GET /api/v1/audit} when no {@code limit} is given
 * @param maxPageSize largest {@code limit} accepted
 */
@ConfigurationProperties("navi.audit")
record AuditProperties(
        String key,
        @DefaultValue("k1") String keyId,
        Map<String, String> previousKeys,
        Path keyFile,
        @DefaultValue("50") int pageSize,
        @DefaultValue("500") int maxPageSize) {

    AuditProperties {
        previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
    }

    boolean keyConfigured() {
        return key != null && !key.isBlank();
    }
}
