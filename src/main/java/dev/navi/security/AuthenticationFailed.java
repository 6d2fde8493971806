package dev.navi.security;

import java.time.Instant;

/**
 * A request was refused 401 or 403. Never carries the credential.
 *
 * @param reason why, as the {@code reason} tag of {@code navi_auth_failures_total} ({@code missing},
 *     {@code expired}, {@code revoked}, {@code insufficient_scope}, ...)
 * @param clientAddress the peer address the request came from
 * @param keyId the API key's id when the credential was one (known or not), else null
 * @param path the request path
 * @param at when
 */
public record AuthenticationFailed(String reason, String clientAddress, String keyId, String path, Instant at) {}
