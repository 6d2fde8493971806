package dev.navi.security;

import java.time.Instant;
import java.util.Set;

/**
 * An API key was created (its secret is never part of any event).
 *
 * @param keyId the new key's id
 * @param name what the key is for
 * @param tenant the tenant its callers work on
 * @param scopes what its callers may do
 * @param createdBy the subject of the caller who created it
 * @param at when
 */
public record ApiKeyCreated(
        String keyId, String name, String tenant, Set<String> scopes, String createdBy, Instant at) {

    public ApiKeyCreated {
        scopes = Set.copyOf(scopes);
    }
}
