package dev.navi.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The key new rows are written under, and every key a row may name. */
final class AuditKeys {

    private final KeyMaterial current;
    private final Map<String, KeyMaterial> byId;

    AuditKeys(KeyMaterial current, Map<String, KeyMaterial> previous) {
        this.current = current;
        var all = new LinkedHashMap<>(previous);
        all.put(current.id(), current);
        this.byId = Map.copyOf(all);
    }

    /** The current key with its id and base64 material, and earlier keys by id. */
    static AuditKeys of(String currentId, String currentBase64, Map<String, String> previous) {
        var earlier = new LinkedHashMap<String, KeyMaterial>();
        previous.forEach((id, base64) -> {
            if (!id.equals(currentId)) {
                earlier.put(id, KeyMaterial.derive(id, base64));
            }
        });
        return new AuditKeys(KeyMaterial.derive(currentId, currentBase64), earlier);
    }

    KeyMaterial current() {
        return current;
    }

    Optional<KeyMaterial> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Iterable<KeyMaterial> all() {
        return byId.values();
    }
}
