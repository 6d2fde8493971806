package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.navi.security.ApiKeyCreated;
import dev.navi.security.ApiKeyRevoked;
import dev.navi.security.AuthenticationFailed;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.TestPropertySource;

/**
 * Authentication and authorization with a shared HS256 secret, a required issuer and audience: every bad
 * credential on every endpoint is one 401 problem with a challenge; scopes decide the rest.
 */
@UsesAnthropicSim
@Import(SecurityIT.SeenEvents.class)
@TestPropertySource(
        properties = {
            "navi.security.jwt.secret=" + SecurityIT.SECRET,
            "navi.security.jwt.issuer=" + SecurityIT.ISSUER,
            "navi.security.jwt.audience=" + SecurityIT.AUDIENCE
        })
class SecurityIT extends NaviIntegrationTest {

    static final String SECRET = "security-it-secret-of-at-least-32-bytes!";
    static final String ISSUER = "https://issuer.navi.test";
    static final String AUDIENCE = "navi-it";
    static final String TASK = "/api/v1/tasks/00000000-0000-0000-0000-000000000001";

    static final List<Object> EVENTS = new CopyOnWriteArrayList<>();
    private static String revokedKey;

    static class SeenEvents {
        @EventListener
        void on(AuthenticationFailed event) {
            EVENTS.add(event);
        }

        @EventListener
        void on(ApiKeyCreated event) {
            EVENTS.add(event);
        }

        @EventListener
        void on(ApiKeyRevoked event) {
            EVENTS.add(event);
        }
    }

    /** Every route of the API, as (name, method, path, accept). */
    static List<String[]> endpoints() {
        return List.of(
                new String[] {"submit", "POST", "/api/v1/tasks", "application/json"},
                new String[] {"get", "GET", TASK, "application/json"},
                new String[] {"list", "GET", "/api/v1/tasks", "application/json"},
                new String[] {"cancel", "POST", TASK + "/cancel", "application/json"},
                new String[] {"diff", "GET", TASK + "/diff", "text/x-diff"},
                new String[] {"events", "GET", TASK + "/events", "application/json"},
                new String[] {"events-sse", "GET", TASK + "/events", "text/event-stream"},
                new String[] {"errors", "GET", "/api/v1/errors", "application/json"},
                new String[] {"admin-keys", "GET", "/api/v1/admin/api-keys", "application/json"},
                new String[] {"admin-keys-create", "POST", "/api/v1/admin/api-keys", "application/json"},
                new String[] {"admin-keys-revoke", "DELETE", "/api/v1/admin/api-keys/0123456789abcdef", "*/*"},
                new String[] {"audit", "GET", "/api/v1/audit", "application/json"},
                new String[] {"openapi", "GET", "/api/openapi", "application/json"},
                new String[] {"metrics", "GET", "/metrics", "*/*"});
    }

    static final List<String> BAD_CREDENTIALS = List.of(
            "none",
            "empty-bearer",
            "basic-scheme",
            "expired",
            "not-yet-valid",
            "wrong-issuer",
            "wrong-audience",
            "bad-signature",
            "alg-none",
            "hs256-with-rsa-public-key",
            "truncated",
            "10kb",
            "missing-sub",
            "numeric-tenant",
            "missing-tenant",
            "garbage-base64",
            "revoked-api-key",
            "unknown-api-key",
            "wrong-api-key-secret");

    static Stream<Arguments> badCredentialsOnEveryEndpoint() {
        var all = new ArrayList<Arguments>();
        for (var credential : BAD_CREDENTIALS) {
            for (var endpoint : endpoints()) {
                all.add(Arguments.of(credential, endpoint[0], endpoint[1], endpoint[2], endpoint[3]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("badCredentialsOnEveryEndpoint")
    void whenTheCredentialIsBadThenEveryEndpointAnswers401Problem(
            String credential, String endpoint, String method, String path, String accept) {
        var authorization = authorization(credential);
        var request = request(method, path, accept, authorization);

        var response = sendAsIs(request);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:unauthorized");
        var challenge = response.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(challenge).startsWith("Bearer realm=\"navi\"");
        if (authorization != null) {
            assertThat(challenge).contains("error=\"invalid_token\"");
            var presented = authorization.substring(authorization.indexOf(' ') + 1);
            if (!presented.isEmpty()) {
                assertThat(response.body()).doesNotContain(presented);
            }
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void whenAFailureHappensThenItIsCountedByReasonAndPublished() {
        sendAsIs(request(
                "GET",
                "/api/v1/tasks",
                "application/json",
                bearer(jwt(claims().issueTime(ago(600)).expirationTime(ago(60))))));
        var revoked = authorization("revoked-api-key");
        sendAsIs(request("GET", "/api/v1/tasks", "application/json", revoked));

        var metrics = send(request("GET", "/metrics", "*/*", admin()));

        assertThat(metrics.body())
                .contains("navi_auth_failures_total{reason=\"expired\"")
                .contains("navi_auth_failures_total{reason=\"revoked\"");
        var keyId = revoked.split("_")[1];
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(EVENTS)
                        .anySatisfy(event -> assertThat(event)
                                .isInstanceOfSatisfying(AuthenticationFailed.class, failed -> {
                                    assertThat(failed.reason()).isEqualTo("revoked");
                                    assertThat(failed.keyId()).isEqualTo(keyId);
                                    assertThat(failed.path()).isEqualTo("/api/v1/tasks");
                                    assertThat(failed.clientAddress()).isEqualTo("127.0.0.1");
                                })));
    }

    /**
     * The connection's socket buffers are small (navi.web.socket-buffer); the request header buffer is
     * server.max-http-request-header-size plus the read buffer, and still holds a token at NAVI's limit.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void whenTheTokenIsJustUnder8KbThenItAuthenticates(String name, String method, String path, String accept) {
        var token = jwt(claims().claim("padding", "x".repeat(5_900)));
        assertThat(token.length()).isBetween(8_000, 8_192);

        var response = sendAsIs(request(method, path, accept, bearer(token)));

        assertThat(response.statusCode()).as(name).isNotIn(401, 431);
        assertThat(response.body()).as(name).doesNotContain("urn:navi:problem:bad-http-request");
    }

    @Nested
    class Scopes {

        @Test
        void whenAReaderSubmitsThenForbiddenWithTheScopeNeeded() {
            var response = sendAsIs(request("POST", "/api/v1/tasks", "application/json", token("tasks:read")));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:insufficient-scope");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"insufficient_scope\", scope=\"tasks:write\"");
        }

        @Test
        void whenAReaderListsThenAllowed() {
            assertThat(sendAsIs(request("GET", "/api/v1/tasks", "application/json", token("tasks:read")))
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void whenAWriterListsThenForbidden() {
            var response = sendAsIs(request("GET", "/api/v1/tasks", "application/json", token("tasks:write")));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("scope=\"tasks:read\"");
        }

        @Test
        void whenScopesAreAJsonArrayThenTheyCount() {
            var authorization = bearer(jwt(claims().claim("scope", List.of("tasks:read", "bogus"))));

            assertThat(sendAsIs(request("GET", "/api/v1/tasks", "application/json", authorization))
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void whenANonAdminCallsAdminRoutesThenForbidden() {
            var user = token("tasks:read tasks:write");
            for (var path : List.of("/api/v1/errors", "/api/v1/admin/api-keys", "/metrics", "/api/v1/audit/x")) {
                var response = sendAsIs(request("GET", path, "*/*", user));
                assertThat(response.statusCode()).as(path).isEqualTo(403);
                assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                        .as(path)
                        .contains("scope=\"admin\"");
            }
        }

        @Test
        void whenAnAdminCallsAdminRoutesThenAllowed() {
            for (var path : List.of("/api/v1/errors", "/api/v1/admin/api-keys", "/metrics", "/api/v1/tasks")) {
                assertThat(sendAsIs(request("GET", path, "*/*", admin())).statusCode())
                        .as(path)
                        .isEqualTo(200);
            }
        }

        @Test
        void whenAnyCallerReadsTheOpenApiDocumentThenAllowed() {
            assertThat(sendAsIs(request("GET", "/api/openapi", "application/json", token("")))
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void whenAnyoneAsksForHealthThenOnlyAnAdminSeesDetails() {
            var anonymous = sendAsIs(request("GET", "/health/ready", "application/json", null));
            var asAdmin = sendAsIs(request("GET", "/health/ready", "application/json", admin()));

            assertThat(anonymous.statusCode()).isEqualTo(200);
            assertThat(parse(anonymous).has("components")).isFalse();
            assertThat(parse(asAdmin).has("components")).isTrue();
            assertThat(sendAsIs(request("GET", "/health/live", "application/json", null))
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void whenACrossOriginPreflightCarriesNoTokenThenItIsAnswered() {
            var response = sendAsIs(HttpRequest.newBuilder(uri("/api/v1/tasks"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", CONSOLE_ORIGIN)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type")
                    .build());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers()
                            .firstValue("Access-Control-Allow-Headers")
                            .orElseThrow()
                            .toLowerCase())
                    .contains("authorization");
        }
    }

    @Nested
    class ApiKeys {

        @Test
        void whenAKeyIsCreatedThenItIsShownOnceListedWithoutSecretAndWorksUntilRevoked() {
            var created = createKey("{\"name\": \"ci\", \"tenant\": \"acme\", \"scopes\": [\"tasks:read\"]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            var body = parse(created);
            var key = body.get("key").asString();
            var id = body.get("apiKey").get("id").asString();
            assertThat(key).matches("navi_[0-9a-f]{16}_[A-Za-z0-9_-]{43}").startsWith("navi_" + id + "_");
            assertThat(body.get("apiKey").get("createdBy").asString()).isEqualTo("root");

            var listed = sendAsIs(request("GET", "/api/v1/admin/api-keys", "application/json", admin()));
            assertThat(listed.body()).contains(id).doesNotContain(key.substring(key.lastIndexOf('_') + 1));
            assertThat(listed.body()).doesNotContainIgnoringCase("hash");

            assertThat(sendAsIs(request("GET", "/api/v1/tasks", "application/json", "Bearer " + key))
                            .statusCode())
                    .isEqualTo(200);
            assertThat(sendAsIs(request("POST", "/api/v1/tasks", "application/json", "Bearer " + key))
                            .statusCode())
                    .isEqualTo(403);

            var revoked = sendAsIs(HttpRequest.newBuilder(uri("/api/v1/admin/api-keys/" + id))
                    .header("Authorization", admin())
                    .DELETE()
                    .build());
            assertThat(revoked.statusCode()).isEqualTo(204);

            var refused = sendAsIs(request("GET", "/api/v1/tasks", "application/json", "Bearer " + key));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(parse(refused).get("detail").asString()).contains("revoked");
            assertThat(EVENTS)
                    .anySatisfy(event -> assertThat(event)
                            .isInstanceOfSatisfying(
                                    ApiKeyCreated.class,
                                    c -> assertThat(c.keyId()).isEqualTo(id)))
                    .anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(ApiKeyRevoked.class, r -> {
                        assertThat(r.keyId()).isEqualTo(id);
                        assertThat(r.revokedBy()).isEqualTo("root");
                    }));
        }

        @Test
        void whenAWriterKeySubmitsThenTheTaskIsAccepted() {
            var key = parse(createKey("{\"name\": \"bot\", \"tenant\": \"acme\", \"scopes\": [\"tasks:write\"]}"))
                    .get("key")
                    .asString();
            var workspace = NaviHome.workspaceOf("acme", "security-key-submit", "a.txt", "a");

            var response = sendAsIs(HttpRequest.newBuilder(uri("/api/v1/tasks"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"prompt\": \"[sim:default] key\", \"workspace\": {\"path\": \"" + workspace + "\"}}"))
                    .build());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }

        @Test
        void whenAnUnknownKeyIsRevokedThenNotFound() {
            var response = sendAsIs(HttpRequest.newBuilder(uri("/api/v1/admin/api-keys/0123456789abcdef"))
                    .header("Authorization", admin())
                    .DELETE()
                    .build());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:api-key-not-found");
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(
                strings = {
                    "{\"tenant\": \"acme\", \"scopes\": [\"tasks:read\"]}",
                    "{\"name\": \" \", \"tenant\": \"acme\", \"scopes\": [\"tasks:read\"]}",
                    "{\"name\": \"ci\", \"scopes\": [\"tasks:read\"]}",
                    "{\"name\": \"ci\", \"tenant\": \"acme\"}",
                    "{\"name\": \"ci\", \"tenant\": \"acme\", \"scopes\": []}",
                    "{\"name\": \"ci\", \"tenant\": \"acme\", \"scopes\": [\"root\"]}",
                    "{\"name\": \"ci\", \"tenant\": \"acme\", \"scopes\": [null]}",
                    "{\"name\": \"ci\", \"tenant\": \"acme\", \"scopes\": [\"tasks:read\"], \"secret\": \"x\"}",
                    "{\"name\": 5, \"tenant\": \"acme\", \"scopes\": [\"tasks:read\"]}",
                    "not json"
                })
        void whenTheRequestIsBadThen400Problem(String body) {
            var response = createKey(body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(parse(response).get("type").asString()).startsWith("urn:navi:problem:");
        }
    }

    private HttpResponse<String> createKey(String body) {
        return sendAsIs(HttpRequest.newBuilder(uri("/api/v1/admin/api-keys"))
                .header("Authorization", admin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private String authorization(String credential) {
        return switch (credential) {
            case "none" -> null;
            case "empty-bearer" -> "Bearer ";
            case "basic-scheme" ->
                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
            case "expired" -> bearer(jwt(claims().issueTime(ago(720)).expirationTime(ago(120))));
            case "not-yet-valid" ->
                bearer(jwt(claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
            case "wrong-issuer" -> bearer(jwt(claims().issuer("https://evil.example")));
            case "wrong-audience" -> bearer(jwt(claims().audience("someone-else")));
            case "bad-signature" -> bearer(TestTokens.hs256("another-secret-of-at-least-32-bytes!!", claimsSet()));
            case "alg-none" -> bearer(unsigned(claimsSet()));
            case "hs256-with-rsa-public-key" -> bearer(TestTokens.hs256(rsaPublicKeyBytes(), claimsSet()));
            case "truncated" -> {
                var token = jwt(claims());
                yield bearer(token.substring(0, token.length() - 10));
            }
            case "10kb" -> bearer(jwt(claims().claim("padding", "x".repeat(10 * 1024))));
            case "missing-sub" -> bearer(jwt(claims().subject(null)));
            case "numeric-tenant" -> bearer(jwt(claims().claim("tenant", 42)));
            case "missing-tenant" -> bearer(jwt(claims().claim("tenant", null)));
            case "garbage-base64" -> "Bearer !!!not*base64@@";
            case "revoked-api-key" -> "Bearer " + revokedKey();
            case "unknown-api-key" -> "Bearer navi_0123456789abcdef_" + "A".repeat(43);
            case "wrong-api-key-secret" -> {
                var key = revokedKey();
                // navi_<16 hex>_ and another secret
                yield "Bearer " + key.substring(0, 22) + "B".repeat(43);
            }
            default -> throw new IllegalArgumentException(credential);
        };
    }

    private synchronized String revokedKey() {
        if (revokedKey == null) {
            var created = parse(createKey("{\"name\": \"old\", \"tenant\": \"acme\", \"scopes\": [\"admin\"]}"));
            var id = created.get("apiKey").get("id").asString();
            var revoked = sendAsIs(HttpRequest.newBuilder(uri("/api/v1/admin/api-keys/" + id))
                    .header("Authorization", admin())
                    .DELETE()
                    .build());
            assertThat(revoked.statusCode()).isEqualTo(204);
            revokedKey = created.get("key").asString();
        }
        return revokedKey;
    }

    private HttpRequest request(String method, String path, String accept, String authorization) {
        var builder = HttpRequest.newBuilder(uri(path)).header("Accept", accept);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if ("POST".equals(method)) {
            builder.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"prompt\": \"x\", \"workspace\": {\"path\": \"nothing\"}}"));
        } else if ("DELETE".equals(method)) {
            builder.DELETE();
        } else {
            builder.GET();
        }
        return builder.build();
    }

    static JWTClaimsSet.Builder claims() {
        return TestTokens.claims("root", "acme", "admin").issuer(ISSUER).audience(AUDIENCE);
    }

    static JWTClaimsSet claimsSet() {
        return claims().build();
    }

    static String jwt(JWTClaimsSet.Builder claims) {
        return TestTokens.hs256(SECRET, claims.build());
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String admin() {
        return bearer(jwt(claims()));
    }

    static String token(String scopes) {
        return bearer(jwt(claims().subject("user").claim("scope", scopes)));
    }

    static Date ago(long seconds) {
        return Date.from(Instant.now().minusSeconds(seconds));
    }

    /** {@code {"alg":"none"}} and no signature. */
    static String unsigned(JWTClaimsSet claims) {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        var payload = encoder.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    static byte[] rsaPublicKeyBytes() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPublic().getEncoded();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
