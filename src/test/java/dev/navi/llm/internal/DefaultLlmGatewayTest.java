package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.llm.LlmErrorClass;
import dev.navi.llm.LlmException;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultLlmGatewayTest {

    @Test
    void whenNoProviderIsConfiguredThenNotConfiguredWithTheReasonAndNoCall() {
        DefaultLlmGateway gateway = new DefaultLlmGateway(
                new ProviderChoice.Unconfigured("set X"),
                Optional.empty(),
                100,
                new WorstCase(new PriceTable(Map.of())),
                new PriceTable(Map.of()));
        LlmRequest request = new LlmRequest(null, "", List.of(new LlmMessage.User("hi")), List.of(), 0);

        assertThatThrownBy(() -> gateway.complete(request)).isInstanceOfSatisfying(LlmException.class, failure -> {
            assertThat(failure.errorClass()).isEqualTo(LlmErrorClass.NOT_CONFIGURED);
            assertThat(failure.getMessage()).isEqualTo("set X");
            assertThat(failure.httpStatus()).isZero();
        });
        assertThat(gateway.defaultModel()).isEmpty();
    }
}
