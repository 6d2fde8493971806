package dev.navi.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationFilterTest {

    private final CorrelationFilter filter = new CorrelationFilter();
    private final Map<String, String> mdcDuringRequest = new HashMap<>();
    private final FilterChain chain = (request, response) -> mdcDuringRequest.putAll(MDC.getCopyOfContextMap());

    @Test
    void whenTheRequestIdIsSaneThenItIsKeptEchoedAndInTheMdcOnlyDuringTheRequest() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/tasks");
        request.addHeader("X-Request-ID", "abc.DEF_123-x");
        var response = new MockHttpServletResponse();

        filter.doFilter(request, response, chain);

        assertThat(response.getHeader("X-Request-ID")).isEqualTo("abc.DEF_123-x");
        assertThat(mdcDuringRequest).containsEntry("requestId", "abc.DEF_123-x").containsKeys("traceId", "spanId");
        assertThat(response.getHeader("traceparent"))
                .isEqualTo("00-" + mdcDuringRequest.get("traceId") + "-" + mdcDuringRequest.get("spanId") + "-00");
        assertThat(MDC.get("requestId")).isNull();
        assertThat(MDC.get("traceId")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "${jndi:ldap://x}", "ünïcode"})
    void whenTheRequestIdIsNotSaneThenANewOneIsGenerated(String offered) {
        assertThat(CorrelationFilter.requestId(offered)).isNotEqualTo(offered).matches("[0-9a-f-]{36}");
    }

    @Test
    void whenTheRequestIdIsLongerThan128ThenANewOneIsGenerated() {
        assertThat(CorrelationFilter.requestId("a".repeat(128))).isEqualTo("a".repeat(128));
        assertThat(CorrelationFilter.requestId("a".repeat(129))).hasSize(36);
    }
}
