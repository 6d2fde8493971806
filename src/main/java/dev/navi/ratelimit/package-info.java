/**
 * Rate limits: token buckets per caller (tenant and subject) and endpoint class (submit, read, stream),
 * kept in PostgreSQL so every replica draws from the same bucket; an exhausted bucket is a 429 problem
 * with {@code Retry-After} and the IETF {@code RateLimit}/{@code RateLimit-Policy} headers.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Rate limits",
        allowedDependencies = {"security"})
package dev.navi.ratelimit;
