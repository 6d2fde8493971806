/**
 * Redaction: configured secret values and well-known credential shapes are replaced by
 * {@code [REDACTED]} in everything NAVI stores, logs or answers. Depends on nothing, so every sink can use it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Redaction",
        allowedDependencies = {})
package dev.navi.redaction;
