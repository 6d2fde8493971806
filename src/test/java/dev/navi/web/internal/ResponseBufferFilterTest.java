package dev.navi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class ResponseBufferFilterTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = "|",
            value = {
                "application/json | 8192",
                "*/* | 8192",
                "'' | 8192",
                "text/event-stream | 1024",
                "text/event-stream, */*;q=0.1 | 1024"
            })
    void whenARequestIsAnsweredThenOnlyAnEventStreamKeepsTheSmallBuffer(String accept, int buffer) throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/tasks/x/events");
        if (!accept.isEmpty()) {
            request.addHeader("Accept", accept);
        }
        var response = new MockHttpServletResponse();
        response.setBufferSize(1024);

        new ResponseBufferFilter(properties()).doFilter(request, response, new MockFilterChain());

        assertThat(response.getBufferSize()).isEqualTo(buffer);
    }

    private static WebProperties properties() {
        return new WebProperties(
                DataSize.ofMegabytes(2),
                null,
                new WebProperties.Cors(List.of()),
                0,
                2048,
                DataSize.ofKilobytes(2),
                DataSize.ofKilobytes(8),
                DataSize.ofKilobytes(1),
                DataSize.ofKilobytes(1));
    }
}
