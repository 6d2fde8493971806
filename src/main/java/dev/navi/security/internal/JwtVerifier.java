package dev.navi.security.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import dev.navi.security.Caller;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies a JWT against the one configured provider with the algorithms pinned here (HS256 for a shared
 * secret, {@code navi.security.jwt.algorithms} for a key set), whatever the token's header says, then maps
 * its claims to a {@link Caller}.
 */
final class JwtVerifier {

    private final JwtDecoder decoder;
    private final Set<String> algorithms;
    private final ClaimMapping claims;

    private JwtVerifier(JwtDecoder decoder, Set<String> algorithms, ClaimMapping claims) {
        this.decoder = decoder;
        this.algorithms = algorithms;
        this.claims = claims;
    }

    /** Null when no JWT provider is configured. */
    static JwtVerifier of(SecuritySettings.Jwt settings, Clock clock) {
        if (!settings.configured()) {
            return null;
        }
        NimbusJwtDecoder decoder;
        Set<String> algorithms;
        if (settings.usesSecret()) {
            var key = new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            decoder = NimbusJwtDecoder.withSecretKey(key)
                    .macAlgorithm(MacAlgorithm.HS256)
                    .jwtProcessorCustomizer(JwtVerifier::claimsCheckedByNavi)
                    .build();
            algorithms = Set.of(JWSAlgorithm.HS256.getName());
        } else {
            var pinned = StartupChecks.algorithms(settings);
            var builder = settings.jwkSetUri() != null
                    ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
                    : NimbusJwtDecoder.withIssuerLocation(settings.issuerUri().toString());
            decoder = builder.jwsAlgorithms(set -> {
                        set.clear();
                        set.addAll(pinned);
                    })
                    .jwtProcessorCustomizer(JwtVerifier::claimsCheckedByNavi)
                    .build();
            algorithms = pinned.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
        }
        decoder.setJwtValidator(new ClaimChecks(settings, clock));
        return new JwtVerifier(decoder, algorithms, new ClaimMapping(settings.tenantClaim(), settings.scopeClaim()));
    }

    /** Nimbus would refuse an expired token as a bad one; {@link ClaimChecks} says which claim failed. */
    private static void claimsCheckedByNavi(ConfigurableJWTProcessor<SecurityContext> processor) {
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
    }

    Caller verify(String token) {
        precheck(token);
        try {
            return claims.caller(decoder.decode(token).getClaims());
        } catch (JwtValidationException e) {
            throw new BearerRefusal(reason(e));
        } catch (BadJwtException e) {
            // it parsed as a signed JWT with a pinned algorithm: the signature or the key is wrong
            throw new BearerRefusal(FailureReason.BAD_SIGNATURE);
        } catch (JwtException e) {
            throw new BearerRefusal(FailureReason.PROVIDER_UNAVAILABLE);
        } catch (IllegalArgumentException e) {
            // a claim of the wrong type ("exp": "soon")
            throw new BearerRefusal(FailureReason.MALFORMED);
        }
    }

    /** Tells a token that is not a JWT, or not signed with a pinned algorithm, before any key is used. */
    private void precheck(String token) {
        try {
            var parsed = JWTParser.parse(token);
            var claims = parsed.getJWTClaimsSet();
            if (claims != null
                    && claims.getIssueTime() != null
                    && claims.getExpirationTime() != null
                    && !claims.getExpirationTime().after(claims.getIssueTime())) {
                // Spring refuses to build such a token; it is not a signature problem
                throw new BearerRefusal(FailureReason.MALFORMED);
            }
            if (!(parsed instanceof SignedJWT signed)
                    || !algorithms.contains(signed.getHeader().getAlgorithm().getName())) {
                throw new BearerRefusal(FailureReason.BAD_SIGNATURE);
            }
        } catch (ParseException | IllegalArgumentException e) {
            throw new BearerRefusal(FailureReason.MALFORMED);
        }
    }

    private static FailureReason reason(JwtValidationException e) {
        for (var error : e.getErrors()) {
            for (var reason : FailureReason.values()) {
                if (reason.name().equals(error.getErrorCode())) {
                    return reason;
                }
            }
        }
        return FailureReason.INVALID_CLAIMS;
    }
}
