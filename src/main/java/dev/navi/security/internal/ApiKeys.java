package dev.navi.security.internal;

import dev.navi.security.ApiKeyCreated;
import dev.navi.security.ApiKeyRevoked;
import dev.navi.security.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for machines: {@code navi_<id>_<secret>}, 64 random bits of id and 256 of secret, of which only
 * the SHA-256 is stored.
 */
class ApiKeys {

    static final String PREFIX = "navi_";
    private static final Pattern KEY = Pattern.compile("navi_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();

    ApiKeys(ApiKeyStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** The stored key and, once, the key itself. */
    record Issued(ApiKeyStore.ApiKeyRow row, String key) {}

    @Transactional
    Issued issue(String name, String tenant, Set<String> scopes, Caller by) {
        var id = HexFormat.of().formatHex(random(8));
        var secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        var now = clock.instant();
        var row = new ApiKeyStore.ApiKeyRow(
                id, sha256(secret), name, tenant, "api-key:" + id, scopes, now, by.subject(), null, null);
        store.insert(row);
        events.publishEvent(new ApiKeyCreated(id, name, tenant, scopes, by.subject(), now));
        return new Issued(row, PREFIX + id + "_" + secret);
    }

    List<ApiKeyStore.ApiKeyRow> all() {
        return store.all();
    }

    @Transactional
    boolean revoke(String id, Caller by) {
        var now = clock.instant();
        if (!store.revoke(id, now)) {
            return false;
        }
        events.publishEvent(new ApiKeyRevoked(id, by.subject(), now));
        return true;
    }

    /** The caller a key stands for; refused when it is not well-formed, not known, revoked or wrong. */
    Caller authenticate(String key) {
        var matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            throw new BearerRefusal(FailureReason.MALFORMED);
        }
        var id = matcher.group(1);
        var row = store.find(id).orElseThrow(() -> new BearerRefusal(FailureReason.UNKNOWN_KEY, id));
        if (!MessageDigest.isEqual(row.secretHash(), sha256(matcher.group(2)))) {
            throw new BearerRefusal(FailureReason.UNKNOWN_KEY, id);
        }
        if (row.revokedAt() != null) {
            throw new BearerRefusal(FailureReason.REVOKED, id);
        }
        touch(id);
        return new Caller(row.subject(), row.tenant(), row.scopes(), id);
    }

    private void touch(String id) {
        var now = clock.instant();
        var last = touched.get(id);
        if (last == null || last.isBefore(now.minus(TOUCH_EVERY))) {
            touched.put(id, now);
            store.touch(id, now, now.minus(TOUCH_EVERY));
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int bytes) {
        var value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
