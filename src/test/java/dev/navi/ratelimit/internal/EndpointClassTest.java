package dev.navi.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class EndpointClassTest {

    @ParameterizedTest(name = "{0} {1} Accept {2} -> {3}")
    @CsvSource(
            nullValues = "none",
            value = {
                "POST, /api/v1/tasks, none, SUBMIT",
                "POST, /api/v1/tasks/abc/cancel, none, SUBMIT",
                "POST, /api/v1/tasks;x=1, none, SUBMIT",
                "POST, /api/v1/tasks/abc;x=1/cancel, none, SUBMIT",
                "POST, /api/v1/tasks/abc/approvals/def, none, SUBMIT",
                "GET, /api/v1/tasks/abc/approvals, none, READ",
                "POST, /api/v1/tasks/abc/approvals, none, none",
                "POST, /api/v1/%74asks, none, SUBMIT",
                "GET, /api/v1/tasks/abc/events, text/event-stream, STREAM",
                "GET, /api/v1/tasks/abc/events, 'application/json, text/event-stream;q=0.5', STREAM",
                "GET, /api/v1/tasks/abc/events, application/json, READ",
                "GET, /api/v1/tasks/abc/events, none, READ",
                "GET, /api/v1/tasks, none, READ",
                "GET, /api/v1/tasks/abc, text/event-stream, READ",
                "GET, /api/v1/tasks/abc/diff, none, READ",
                "GET, /api/v1/errors, none, READ",
                "HEAD, /api/v1/tasks, none, READ",
                "POST, /api/v1/errors/abc/resolve, none, none",
                "POST, /api/v1/tasks/abc, none, none",
                "DELETE, /api/v1/tasks/abc, none, none",
                "GET, /health/ready, none, none",
                "GET, /metrics, none, none",
                "GET, /apis, none, none",
                "POST, /other/api/v1/tasks, none, none",
            })
    void whenARequestComesThenItsClassFollowsMethodPathAndAccept(
            String method, String path, String accept, EndpointClass expected) {
        var request = new MockHttpServletRequest(method, path);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }

        assertThat(EndpointClass.of(request)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource({"/navi, /navi/api/v1/tasks, SUBMIT", "/navi, /navi/metrics, none"})
    void whenDeployedUnderAContextPathThenThePathWithinTheApplicationCounts(
            String context, String uri, String expected) {
        var request = new MockHttpServletRequest("POST", uri);
        request.setContextPath(context);

        assertThat(EndpointClass.of(request).map(Enum::name))
                .isEqualTo(Optional.of(expected).filter(e -> !e.equals("none")));
    }

    @ParameterizedTest
    @CsvSource({"SUBMIT, submit", "READ, read", "STREAM, stream"})
    void whenNamedThenTheLabelIsLowerCase(EndpointClass endpointClass, String label) {
        assertThat(endpointClass.label()).isEqualTo(label);
    }
}
