package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ServiceChecksTest {

    private static final Target TARGET = new Target(
            URI.create("http://navi:8787"), URI.create("http://navi:8788"), Optional.empty(), Optional.empty());
    private static final Map<String, List<String>> SECURE = Map.of(
            "X-Content-Type-Options", List.of("nosniff"),
            "Referrer-Policy", List.of("no-referrer"),
            "Cache-Control", List.of("no-store"));

    private final ServiceChecks checks = new ServiceChecks(TARGET, new Http(Optional.empty(), Duration.ofSeconds(1)));

    static Http.Answered answer(int status, Map<String, List<String>> headers, String body) {
        return new Http.Answered(status, HttpHeaders.of(headers, (name, value) -> true), body);
    }

    static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String value) {
        var copy = new java.util.HashMap<>(headers);
        copy.put(name, List.of(value));
        return copy;
    }

    @Nested
    class Anonymous {

        @Test
        void whenRefusedWithA401ProblemThenItPasses() {
            var reply = answer(
                    401,
                    with(SECURE, "Content-Type", "application/problem+json"),
                    "{\"type\": \"urn:navi:problem:unauthorized\", \"status\": 401}");

            var row = checks.anonymousRefused(reply);

            assertThat(row.outcome()).isInstanceOf(Outcome.Pass.class);
            assertThat(row.outcome().text()).contains("urn:navi:problem:unauthorized");
            assertThat(row.evidence()).isEqualTo("GET http://navi:8787/api/v1/tasks?limit=1 without Authorization");
        }

        @Test
        void whenTheApiAnswersAStrangerThenAuthIsOffAndItFails() {
            var row = checks.anonymousRefused(answer(200, SECURE, "{\"items\": []}"));

            assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
            assertThat(row.outcome().text()).contains("authentication is off");
        }

        @Test
        void whenThe401IsNoProblemThenItFails() {
            var row = checks.anonymousRefused(answer(401, with(SECURE, "Content-Type", "text/html"), "<h1>no</h1>"));

            assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
        }

        @Test
        void whenNothingAnswersThenItCannotBeChecked() {
            assertThat(checks.anonymousRefused(new Http.NoAnswer("Connection refused"))
                            .outcome())
                    .isEqualTo(Outcome.warn("no answer: Connection refused"));
        }
    }

    @Nested
    class Headers {

        @Test
        void whenEverySecurityHeaderIsSetAndNoBannerThenItPasses() {
            assertThat(checks.securityHeaders(answer(401, SECURE, "")).outcome())
                    .isInstanceOf(Outcome.Pass.class);
        }

        @Test
        void whenNosniffIsMissingAndABannerIsSentThenBothAreNamed() {
            var headers = with(new java.util.HashMap<>(SECURE), "Server", "Apache/2.4");
            headers.remove("X-Content-Type-Options");

            var row = checks.securityHeaders(answer(401, headers, ""));

            assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
            assertThat(row.outcome().text()).contains("X-Content-Type-Options: (absent)", "Server: Apache/2.4");
        }

        @Test
        void whenRateLimitHeadersAreSentThenTheyAreQuoted() {
            var headers =
                    with(with(SECURE, "RateLimit-Policy", "\"read\";q=600;w=60"), "RateLimit", "\"read\";r=599;t=1");

            var row = checks.rateLimitHeaders(answer(200, headers, "{}"));

            assertThat(row.outcome()).isInstanceOf(Outcome.Pass.class);
            assertThat(row.outcome().text()).contains("q=600");
        }

        @Test
        void whenRateLimitHeadersAreMissingThenItFails() {
            assertThat(checks.rateLimitHeaders(answer(200, SECURE, "{}")).outcome())
                    .isInstanceOf(Outcome.Fail.class);
        }

        @Test
        void whenThereIsNoTokenThenRateLimitsCannotBeChecked() {
            assertThat(checks.rateLimitHeaders(null).outcome()).isInstanceOf(Outcome.Warn.class);
            assertThat(checks.tokenAccepted(null).outcome()).isInstanceOf(Outcome.Warn.class);
        }
    }

    @Nested
    class Ready {

        @Test
        void whenReadyAnswers503ThenTheDeploymentRowFails() {
            var row = checks.ready(answer(503, SECURE, "{\"status\": \"DOWN\"}"));

            assertThat(row.outcome()).isEqualTo(Outcome.fail("HTTP 503, status DOWN"));
            assertThat(row.evidence()).isEqualTo("GET http://navi:8788/health/ready");
        }

        @Test
        void whenReadyAnswers200ThenItPasses() {
            assertThat(checks.ready(answer(200, SECURE, "{\"status\": \"UP\"}")).outcome())
                    .isEqualTo(Outcome.pass("HTTP 200, status UP"));
        }
    }

    @Nested
    class Sandbox {

        private static final String HEALTH = """
                {"status": "UP", "components": {"sandbox": {"status": "UP",
                 "details": {"mode": "auto", "available": %s, "network": "none"%s}}}}""";

        @Test
        void whenTheHealthDetailsSayAvailableThenItPasses() {
            var row = SandboxCheck.check(TARGET, answer(200, SECURE, HEALTH.formatted("true", "")), Optional.empty());

            assertThat(row.outcome()).isInstanceOf(Outcome.Pass.class);
            assertThat(row.evidence()).contains("components.sandbox");
        }

        @Test
        void whenTheHealthDetailsSayUnavailableThenItFailsWithTheReason() {
            var health = HEALTH.formatted("false", ", \"reason\": \"bwrap: No permissions\"");

            var row = SandboxCheck.check(TARGET, answer(200, SECURE, health), Optional.empty());

            assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
            assertThat(row.outcome().text()).contains("mode auto", "bwrap: No permissions");
        }

        @Test
        void whenNoDetailsAreShownThenTheGaugeDecides() {
            var noDetails = answer(200, SECURE, "{\"status\": \"UP\"}");

            assertThat(SandboxCheck.check(
                                    TARGET,
                                    noDetails,
                                    Optional.of(MetricsText.parse("navi_tools_sandbox_available 1.0\n")))
                            .outcome())
                    .isInstanceOf(Outcome.Pass.class);
            assertThat(SandboxCheck.check(
                                    TARGET,
                                    noDetails,
                                    Optional.of(MetricsText.parse("navi_tools_sandbox_available 0.0\n")))
                            .outcome())
                    .isInstanceOf(Outcome.Fail.class);
        }

        @Test
        void whenNeitherDetailsNorTheGaugeExistThenItCannotBeChecked() {
            var noDetails = answer(200, SECURE, "{\"status\": \"UP\"}");

            assertThat(SandboxCheck.check(TARGET, noDetails, Optional.of(MetricsText.parse("other 1\n")))
                            .outcome())
                    .isInstanceOf(Outcome.Warn.class);
            assertThat(SandboxCheck.check(TARGET, new Http.NoAnswer("refused"), Optional.empty())
                            .outcome())
                    .isInstanceOf(Outcome.Warn.class);
        }
    }
}
