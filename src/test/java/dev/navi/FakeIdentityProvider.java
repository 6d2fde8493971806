package dev.navi;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny OpenID Connect provider on loopback for the console's sign-in: discovery, an authorization
 * endpoint that signs everyone in at once (no login form), a token endpoint that checks the PKCE verifier
 * against the challenge (S256) and issues RS256 access and id tokens, and the key set. It answers any origin
 * (CORS), as providers do for public clients' registered origins.
 */
final class FakeIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "navi-console";

    private record Grant(String clientId, String redirectUri, String challenge, String nonce) {}

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final RSAKey key;
    private final HttpServer server;

    private FakeIdentityProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("fake-1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    static FakeIdentityProvider start() {
        try {
            return new FakeIdentityProvider();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The code the authorization endpoint would give for this challenge, as if a browser had come by. */
    String codeFor(String redirectUri, String challenge) {
        var code = UUID.randomUUID().toString();
        grants.put(code, new Grant(CLIENT_ID, redirectUri, challenge, "n"));
        return code;
    }

    static String challengeOf(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        var issuer = issuer();
        var config = new HashMap<String, Object>();
        config.put("issuer", issuer);
        config.put("authorization_endpoint", issuer + "/authorize");
        config.put("token_endpoint", issuer + "/token");
        config.put("jwks_uri", issuer + "/jwks");
        config.put("response_types_supported", new String[] {"code"});
        config.put("subject_types_supported", new String[] {"public"});
        config.put("id_token_signing_alg_values_supported", new String[] {"RS256"});
        config.put("code_challenge_methods_supported", new String[] {"S256"});
        answer(exchange, 200, json.writeValueAsString(config));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        var query = form(exchange.getRequestURI().getRawQuery());
        var redirect = query.get("redirect_uri");
        if (!CLIENT_ID.equals(query.get("client_id"))
                || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method"))
                || redirect == null) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        var code = UUID.randomUUID().toString();
        grants.put(code, new Grant(CLIENT_ID, redirect, query.get("code_challenge"), query.get("nonce")));
        var location =
                redirect + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            answer(exchange, 204, null);
            return;
        }
        var body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        var grant = grants.remove(String.valueOf(body.get("code")));
        var verifier = body.get("code_verifier");
        if (!"authorization_code".equals(body.get("grant_type"))
                || grant == null
                || !grant.clientId().equals(body.get("client_id"))
                || !grant.redirectUri().equals(body.get("redirect_uri"))
                || verifier == null
                || !challengeOf(verifier).equals(grant.challenge())) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"code or verifier refused\"}");
            return;
        }
        var tokens = Map.of(
                "access_token",
                sign(claims("ana").claim("tenant", "default").claim("scope", "tasks:read tasks:write")),
                "id_token",
                sign(claims("ana").audience(CLIENT_ID).claim("nonce", grant.nonce())),
                "token_type",
                "Bearer",
                "expires_in",
                300);
        answer(exchange, 200, json.writeValueAsString(tokens));
    }

    private JWTClaimsSet.Builder claims(String subject) {
        var now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private String sign(JWTClaimsSet.Builder claims) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        var values = new HashMap<String, String>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (var pair : encoded.split("&")) {
            var parts = pair.split("=", 2);
            values.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String body) {
        try (exchange) {
            var headers = exchange.getResponseHeaders();
            headers.add("Access-Control-Allow-Origin", "*");
            headers.add("Access-Control-Allow-Headers", "Content-Type, Accept");
            headers.add("Access-Control-Allow-Methods", "GET, POST");
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            headers.add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI tokenEndpoint() {
        return URI.create(issuer() + "/token");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
