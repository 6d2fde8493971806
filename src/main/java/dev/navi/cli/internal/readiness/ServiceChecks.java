package dev.navi.cli.internal.readiness;

import dev.navi.cli.internal.NaviClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** What the running service answers: readiness, authentication, headers, rate limits. */
final class ServiceChecks {

    static final String TASKS = "/api/v1/tasks?limit=1";
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    private final Target target;
    private final Http http;

    ServiceChecks(Target target, Http http) {
        this.target = target;
        this.http = http;
    }

    List<Row> run() {
        var rows = new ArrayList<Row>();
        rows.add(ready(http.anonymous(target.management("/health/ready"), "application/json")));
        var anonymous = http.anonymous(target.api(TASKS), "application/json");
        rows.add(anonymousRefused(anonymous));
        rows.add(securityHeaders(anonymous));
        var authenticated = http.hasToken() ? http.get(target.api(TASKS), "application/json") : null;
        rows.add(tokenAccepted(authenticated));
        rows.add(rateLimitHeaders(authenticated));
        return rows;
    }

    Row ready(Http.Reply reply) {
        var check = "the service answers /health/ready";
        var evidence = "GET " + target.management("/health/ready");
        return switch (reply) {
            case Http.NoAnswer none -> Row.fail(Section.DEPLOYMENT, check, evidence, none.describe());
            case Http.Answered answer
            when answer.status() == 200 ->
                Row.pass(Section.DEPLOYMENT, check, evidence, "HTTP 200, status " + status(answer.body()));
            case Http.Answered answer ->
                Row.fail(
                        Section.DEPLOYMENT,
                        check,
                        evidence,
                        "HTTP " + answer.status() + ", status " + status(answer.body()));
        };
    }

    Row anonymousRefused(Http.Reply reply) {
        var check = "auth is on: an anonymous request is refused with a 401 problem";
        var evidence = "GET " + target.api(TASKS) + " without Authorization";
        return switch (reply) {
            case Http.NoAnswer none -> Row.warn(Section.SECURITY, check, evidence, none.describe());
            case Http.Answered answer
            when answer.status() == 401 && isProblem(answer) ->
                Row.pass(
                        Section.SECURITY,
                        check,
                        evidence,
                        "HTTP 401 application/problem+json, type " + field(answer.body(), "type"));
            case Http.Answered answer
            when answer.status() == 401 ->
                Row.fail(
                        Section.SECURITY,
                        check,
                        evidence,
                        "HTTP 401 but not an RFC 9457 problem: Content-Type "
                                + answer.header("Content-Type").orElse("none"));
            case Http.Answered answer
            when answer.status() < 300 ->
                Row.fail(
                        Section.SECURITY,
                        check,
                        evidence,
                        "HTTP " + answer.status() + ": the API answered a stranger; authentication is off");
            case Http.Answered answer ->
                Row.fail(Section.SECURITY, check, evidence, "HTTP " + answer.status() + ", expected 401");
        };
    }

    Row securityHeaders(Http.Reply reply) {
        var check = "security headers on every answer (nosniff, no-referrer, no-store, no Server banner)";
        var evidence = "headers of GET " + target.api(TASKS) + " without Authorization";
        return switch (reply) {
            case Http.NoAnswer none -> Row.warn(Section.SECURITY, check, evidence, none.describe());
            case Http.Answered answer -> {
                var wrong = new ArrayList<String>();
                SECURITY_HEADERS.forEach((name, expected) -> {
                    var actual = answer.header(name);
                    if (!actual.map(expected::equalsIgnoreCase).orElse(false)) {
                        wrong.add(name + ": " + actual.orElse("(absent)") + ", expected " + expected);
                    }
                });
                answer.header("Server").ifPresent(banner -> wrong.add("Server: " + banner + ", expected none"));
                yield wrong.isEmpty()
                        ? Row.pass(
                                Section.SECURITY,
                                check,
                                evidence,
                                "X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer, Cache-Control: no-store, no Server header")
                        : Row.fail(
                                Section.SECURITY,
                                check,
                                evidence,
                                String.join("; ", wrong.stream().sorted().toList()));
            }
        };
    }

    Row tokenAccepted(Http.Reply reply) {
        var check = "the credential this review uses is accepted";
        var evidence = "GET " + target.api(TASKS) + " with Authorization: Bearer …";
        return switch (reply) {
            case null ->
                Row.warn(
                        Section.SECURITY,
                        check,
                        evidence,
                        "no token (NAVI_TOKEN, --token-file or $NAVI_HOME/admin.token): the authenticated checks cannot run");
            case Http.NoAnswer none -> Row.warn(Section.SECURITY, check, evidence, none.describe());
            case Http.Answered answer
            when answer.status() == 200 -> Row.pass(Section.SECURITY, check, evidence, "HTTP 200");
            case Http.Answered answer ->
                Row.warn(
                        Section.SECURITY,
                        check,
                        evidence,
                        "HTTP " + answer.status() + " " + field(answer.body(), "title")
                                + ": the authenticated checks cannot run with this credential");
        };
    }

    Row rateLimitHeaders(Http.Reply reply) {
        var check = "API answers carry RateLimit-Policy and RateLimit headers";
        var evidence = "headers of GET " + target.api(TASKS) + " with Authorization";
        return switch (reply) {
            case null -> Row.warn(Section.RATE_LIMITS, check, evidence, "no token: no authenticated answer to look at");
            case Http.NoAnswer none -> Row.warn(Section.RATE_LIMITS, check, evidence, none.describe());
            case Http.Answered answer
            when answer.status() != 200 ->
                Row.warn(
                        Section.RATE_LIMITS,
                        check,
                        evidence,
                        "HTTP " + answer.status() + ": no successful answer to look at");
            case Http.Answered answer -> {
                var policy = answer.header("RateLimit-Policy");
                var limit = answer.header("RateLimit");
                yield policy.isPresent() && limit.isPresent()
                        ? Row.pass(
                                Section.RATE_LIMITS,
                                check,
                                evidence,
                                "RateLimit-Policy: " + policy.get() + ", RateLimit: " + limit.get())
                        : Row.fail(
                                Section.RATE_LIMITS,
                                check,
                                evidence,
                                "RateLimit-Policy: " + policy.orElse("(absent)") + ", RateLimit: "
                                        + limit.orElse("(absent)"));
            }
        };
    }

    private static boolean isProblem(Http.Answered answer) {
        return answer.header("Content-Type")
                        .map(t -> t.startsWith("application/problem+json"))
                        .orElse(false)
                && field(answer.body(), "type").startsWith("urn:navi:problem:");
    }

    static String status(String body) {
        return field(body, "status");
    }

    static String field(String body, String name) {
        return json(body).path(name).asString("?");
    }

    static JsonNode json(String body) {
        try {
            var node = NaviClient.json().readTree(body == null ? "" : body);
            return node == null ? NaviClient.json().missingNode() : node;
        } catch (JacksonException e) {
            return NaviClient.json().missingNode();
        }
    }
}
