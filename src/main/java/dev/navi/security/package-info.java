/**
 * Security: who is calling. Bearer credentials (the local admin token, API keys, JWTs from an OIDC
 * issuer or signed with a shared HS256 secret) become a {@link dev.navi.security.Caller} with a tenant
 * and scopes; failures are 401/403 problems.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Security",
        allowedDependencies = {})
package dev.navi.security;
