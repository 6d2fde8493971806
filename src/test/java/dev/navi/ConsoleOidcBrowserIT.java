package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console signing in at an OpenID Connect issuer (authorization code flow with PKCE), against a fake
 * provider on loopback, in headless Chromium: its page may call that issuer's origin and nothing else.
 */
@UsesAnthropicSim
class ConsoleOidcBrowserIT extends NaviIntegrationTest {

    static final FakeIdentityProvider IDP = FakeIdentityProvider.start();

    private static ConsoleBrowser browser;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("navi.security.jwt.issuer-uri", IDP::issuer);
        registry.add("navi.security.jwt.console-client-id", () -> FakeIdentityProvider.CLIENT_ID);
        registry.add("navi.security.jwt.console-scopes", () -> "openid,tasks:read,tasks:write");
    }

    @BeforeAll
    static void startBrowser() {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        IDP.close();
    }

    @AfterEach
    void noScriptErrorsOrPolicyViolations() {
        assertThat(browser.pageErrors()).isEmpty();
    }

    @Nested
    class InTheBrowser {

        @Test
        void whenSignInWithTheIssuerIsClickedThenTheTaskListShowsSignedIn() {
            browser.open(base() + "#/tasks");
            browser.script("sessionStorage.clear(); location.reload()");
            eventually().until(() -> browser.present("navi-sign-in button.oidc-sign-in"));
            assertThat(browser.text("navi-sign-in button.oidc-sign-in")).isEqualTo("Sign in with " + IDP.issuer());
            browser.screenshot("console-sign-in-oidc");

            browser.find("navi-sign-in button.oidc-sign-in").click();

            eventually().until(() -> browser.text("navi-task-list").contains("No tasks here yet."));
            assertThat(browser.script("return location.search")).isEqualTo("");
            assertThat(browser.script("return location.hash")).isEqualTo("#/tasks");
            assertThat(browser.present("navi-account button")).isTrue();
            var token = (String) browser.script("return sessionStorage.getItem('navi.token')");
            assertThat(tasksWith(token).statusCode()).isEqualTo(200);
            assertThat(browser.script("return sessionStorage.getItem('navi.oidc.pending')"))
                    .isNull();
        }

        @Test
        void whenTheTokenIsRefusedLaterThenTheTabIsSignedOut() {
            browser.open(base() + "#/tasks");
            browser.script("sessionStorage.setItem('navi.token', 'expired'); location.reload()");

            eventually().until(() -> browser.text("navi-sign-in .notice").contains("Sign in again"));
            assertThat(browser.script("return sessionStorage.getItem('navi.token')"))
                    .isNull();
        }

        @Test
        void whenAnAnswerDoesNotBelongToAStartedSignInThenItIsRefusedAndTheQueryDropped() {
            browser.open(base() + "#/tasks");
            browser.script("sessionStorage.clear()");
            browser.open(base() + "?code=stolen&state=forged");

            eventually().until(() -> browser.text("navi-sign-in .notice").contains("does not belong"));
            assertThat(browser.script("return location.search")).isEqualTo("");
            assertThat(browser.script("return sessionStorage.getItem('navi.token')"))
                    .isNull();
        }
    }

    @Nested
    class TheServer {

        @Test
        void whenTheSignInMethodIsAskedForThenTheClientAndScopesAreNamed() {
            var response = anonymous("/console/sign-in");
            var body = parse(response);

            assertThat(body.get("method").asString()).isEqualTo("jwt");
            assertThat(body.get("issuer").asString()).isEqualTo(IDP.issuer());
            assertThat(body.get("clientId").asString()).isEqualTo(FakeIdentityProvider.CLIENT_ID);
            assertThat(body.get("scopes").toString()).isEqualTo("[\"openid\",\"tasks:read\",\"tasks:write\"]");
        }

        @Test
        void whenTheConsoleIsServedThenItMayConnectToTheIssuersOrigin() {
            assertThat(anonymous("/").headers().allValues("Content-Security-Policy"))
                    .singleElement()
                    .asString()
                    .contains("connect-src 'self' " + IDP.issuer() + ";");
            assertThat(anonymous("/api/v1/tasks").headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        }

        @Test
        void whenTheVerifierDoesNotMatchTheChallengeThenTheProviderIssuesNoToken() throws Exception {
            var redirect = base();
            var challenge = FakeIdentityProvider.challengeOf("the-right-verifier-of-enough-length-43-chars");

            var wrong =
                    exchange(IDP.codeFor(redirect, challenge), "another-verifier-of-enough-length-43-chars!", redirect);
            var right = exchange(
                    IDP.codeFor(redirect, challenge), "the-right-verifier-of-enough-length-43-chars", redirect);

            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("invalid_grant");
            assertThat(right.statusCode()).isEqualTo(200);
            var accessToken = parse(right).get("access_token").asString();
            assertThat(tasksWith(accessToken).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> exchange(String code, String verifier, String redirect) throws Exception {
        var form = "grant_type=authorization_code&client_id=" + FakeIdentityProvider.CLIENT_ID + "&code=" + code
                + "&redirect_uri=" + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8)
                + "&code_verifier=" + verifier;
        return http.send(
                HttpRequest.newBuilder(IDP.tokenEndpoint())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> tasksWith(String token) {
        try {
            return http.send(
                    HttpRequest.newBuilder(uri("/api/v1/tasks?limit=1"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> anonymous(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base().replaceAll("/$", "") + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions();
    }
}
