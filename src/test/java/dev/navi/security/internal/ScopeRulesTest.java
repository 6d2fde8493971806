package dev.navi.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class ScopeRulesTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "GET, /api/v1/tasks, tasks:read",
                "GET, /api/v1/tasks/1/events, tasks:read",
                "HEAD, /api/v1/tasks/1, tasks:read",
                "POST, /api/v1/tasks, tasks:write",
                "POST, /api/v1/tasks/1/cancel, tasks:write",
                "GET, /api/v1/errors, admin",
                "POST, /api/v1/errors/1/resolve, admin",
                "DELETE, /api/v1/admin/api-keys/1, admin",
                "GET, /api/v1/audit, admin",
                "GET, /metrics, admin",
                "GET, /api/openapi, -",
                "DELETE, /api/v1/tasks/1, -",
                "GET, /health/ready, -"
            })
    void whenARequestIsMadeThenItNeedsItsScope(String method, String path, String scope) {
        var request = new MockHttpServletRequest(method, path);

        assertThat(new ScopeRules().requiredScope(request)).isEqualTo(scope);
    }

    @ParameterizedTest
    @CsvSource({
        "/health, Anyone",
        "/health/live, Anyone",
        "/error, Anyone",
        "/api/openapi, Authenticated",
        "/api/v2/other, Authenticated",
        "/, Anyone",
        "/index.html, Anyone",
        "/console/app.js, Anyone",
        "/console/sign-in, Anyone",
        "/nothing-here, Authenticated",
        "/consoles, Authenticated"
    })
    void whenNoScopeIsNeededThenTheRuleSaysWho(String path, String rule) {
        var request = new MockHttpServletRequest("GET", path);

        assertThat(ScopeRules.rule(request).getClass().getSimpleName()).isEqualTo(rule);
    }

    @ParameterizedTest
    @CsvSource({"POST, /", "DELETE, /console/app.js", "PUT, /index.html"})
    void whenTheConsoleIsWrittenToThenACallerIsNeeded(String method, String path) {
        var request = new MockHttpServletRequest(method, path);

        assertThat(ScopeRules.rule(request)).isInstanceOf(ScopeRules.Authenticated.class);
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/tasks, Anyone"})
    void whenABrowserPreflightsThenAnyone(String path, String rule) {
        var request = new MockHttpServletRequest("OPTIONS", path);
        request.addHeader("Origin", "https://console.example");
        request.addHeader("Access-Control-Request-Method", "POST");

        assertThat(ScopeRules.rule(request).getClass().getSimpleName()).isEqualTo(rule);
    }
}
