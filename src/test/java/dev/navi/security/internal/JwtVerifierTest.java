package dev.navi.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.navi.security.Caller;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RS256 tokens checked against a JWKS served by a local JDK HTTP server; the header's alg is never trusted. */
class JwtVerifierTest {

    static HttpServer server;
    static RSAKey key;
    static JwtVerifier verifier;

    @BeforeAll
    static void serveKeySet() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        var body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        var settings = new SecuritySettings.Jwt(
                null,
                null,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"),
                List.of("RS256"),
                Duration.ofSeconds(30),
                "https://idp.test",
                "navi",
                "tenant",
                "scope",
                null,
                List.of("openid"));
        verifier = JwtVerifier.of(settings, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void whenSignedWithTheKeySetsKeyThenTheCallerIsMapped() throws Exception {
        var caller = verifier.verify(rs256(JWSAlgorithm.RS256, claims().build()));

        assertThat(caller).isEqualTo(new Caller("ana", "acme", Set.of("tasks:read"), null));
    }

    @Test
    void whenHs256IsSignedWithThePublicKeyThenRefused() throws Exception {
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        jwt.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));

        assertRefused(jwt.serialize(), FailureReason.BAD_SIGNATURE);
    }

    @Test
    void whenTheAlgorithmIsNotPinnedThenRefused() throws Exception {
        assertRefused(rs256(JWSAlgorithm.RS384, claims().build()), FailureReason.BAD_SIGNATURE);
    }

    @Test
    void whenSignedWithAnotherKeyThenRefused() throws Exception {
        var other = new RSAKeyGenerator(2048).keyID("k1").generate();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims().build());
        jwt.sign(new RSASSASigner(other));

        assertRefused(jwt.serialize(), FailureReason.BAD_SIGNATURE);
    }

    @Test
    void whenClaimsAreOffThenTheReasonSaysWhich() throws Exception {
        var past = Date.from(Instant.now().minusSeconds(120));
        assertRefused(rs256(JWSAlgorithm.RS256, claims().expirationTime(past).build()), FailureReason.EXPIRED);
        var future = Date.from(Instant.now().plusSeconds(120));
        assertRefused(rs256(JWSAlgorithm.RS256, claims().notBeforeTime(future).build()), FailureReason.NOT_YET_VALID);
        assertRefused(rs256(JWSAlgorithm.RS256, claims().issuer("https://x").build()), FailureReason.WRONG_ISSUER);
        assertRefused(rs256(JWSAlgorithm.RS256, claims().audience("x").build()), FailureReason.WRONG_AUDIENCE);
        assertRefused(rs256(JWSAlgorithm.RS256, claims().expirationTime(null).build()), FailureReason.INVALID_CLAIMS);
    }

    @Test
    void whenWithinTheClockSkewThenAccepted() throws Exception {
        var justExpired = Date.from(Instant.now().minusSeconds(10));

        assertThat(verifier.verify(rs256(
                        JWSAlgorithm.RS256, claims().expirationTime(justExpired).build())))
                .isNotNull();
    }

    @Test
    void whenNotAJwtThenMalformed() {
        assertRefused("a.b.c", FailureReason.MALFORMED);
        assertRefused("nonsense", FailureReason.MALFORMED);
    }

    @Test
    void whenASharedSecretVerifiesThenClaimsAreCheckedByNavi() throws Exception {
        var secret = "a-shared-secret-of-at-least-32-bytes";
        var settings = new SecuritySettings.Jwt(
                secret,
                null,
                null,
                List.of("RS256"),
                Duration.ofSeconds(30),
                null,
                null,
                "tenant",
                "scope",
                null,
                List.of("openid"));
        var hs = JwtVerifier.of(settings, Clock.systemUTC());
        var jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                claims().expirationTime(Date.from(Instant.now().minusSeconds(120)))
                        .build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> hs.verify(jwt.serialize()))
                .isInstanceOfSatisfying(
                        BearerRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(FailureReason.EXPIRED));
    }

    private static void assertRefused(String token, FailureReason reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(
                        BearerRefusal.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo(reason));
    }

    private static String rs256(JWSAlgorithm algorithm, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID("k1").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .subject("ana")
                .issuer("https://idp.test")
                .audience("navi")
                .claim("tenant", "acme")
                .claim("scope", "tasks:read")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }
}
