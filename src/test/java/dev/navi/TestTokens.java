package dev.navi;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** JWTs for tests: HS256 with a shared secret, like {@code navi.security.jwt.secret} expects. */
public final class TestTokens {

    private TestTokens() {}

    /** {@code scopes} space-separated (may be empty); expires in 10 minutes. */
    public static String hs256(String secret, String subject, String tenant, String scopes) {
        return hs256(secret, claims(subject, tenant, scopes).build());
    }

    public static String hs256(String secret, JWTClaimsSet claims) {
        return hs256(secret.getBytes(StandardCharsets.UTF_8), claims);
    }

    /** Signed with these key bytes, whatever they are (an RSA public key's, for a confusion attack). */
    public static String hs256(byte[] key, JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code sub}, the {@code tenant} claim, {@code scope} and an {@code exp} 10 minutes ahead. */
    public static JWTClaimsSet.Builder claims(String subject, String tenant, String scopes) {
        var builder = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("scope", scopes)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
        if (tenant != null) {
            builder.claim("tenant", tenant);
        }
        return builder;
    }
}
