package dev.navi.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

class HttpMetricsFilterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HttpMetricsFilter filter = new HttpMetricsFilter(registry);

    @Test
    void whenARouteMatchedThenTheTemplateIsTheLabel() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/tasks/42");

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/tasks/{id}");
            ((MockHttpServletResponse) res).setStatus(404);
        });

        assertThat(count("GET", "/api/v1/tasks/{id}", "404")).isEqualTo(1);
    }

    @Test
    void whenNoRouteOrTheCatchAllMatchedThenUnmatched() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", "/x"), new MockHttpServletResponse(), (req, res) -> {});
        filter.doFilter(
                new MockHttpServletRequest("BREW", "/y"),
                new MockHttpServletResponse(),
                (req, res) -> req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/**"));

        assertThat(count("GET", "UNMATCHED", "200")).isEqualTo(1);
        assertThat(count("OTHER", "UNMATCHED", "200")).isEqualTo(1);
    }

    @Test
    void whenTheChainThrowsThenA500IsCounted() {
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("boom");
        };

        assertThatThrownBy(() -> filter.doFilter(
                        new MockHttpServletRequest("POST", "/api/v1/tasks"), new MockHttpServletResponse(), failing))
                .isInstanceOf(IllegalStateException.class);
        assertThat(count("POST", "UNMATCHED", "500")).isEqualTo(1);
    }

    @Test
    void whenAnEventStreamStartedThenItIsNotMeasured() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/tasks/1/events");
        request.setAsyncSupported(true);

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            req.startAsync();
            res.setContentType("text/event-stream");
        });

        assertThat(registry.find("navi.http.request.duration").timers()).isEmpty();
    }

    private long count(String method, String route, String status) {
        var timer = registry.find("navi.http.request.duration")
                .tags("method", method, "route", route, "status", status)
                .timer();
        return timer == null ? 0 : timer.count();
    }
}
