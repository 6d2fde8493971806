package dev.navi.security;

import java.time.Instant;

/**
 * An API key was revoked: it is refused from now on.
 *
 * @param keyId the key's id
 * @param revokedBy the subject of the caller who revoked it
 * @param at when
 */
public record ApiKeyRevoked(String keyId, String revokedBy, Instant at) {}
