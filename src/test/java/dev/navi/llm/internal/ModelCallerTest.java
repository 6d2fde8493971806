package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;

class ModelCallerTest {

    @Test
    void whenTheEndpointIsPlainHttpThenTheRequestIsHttp11SoNoH2cUpgradeIsAttempted() {
        var request = ModelCaller.requestTo(URI.create("http://127.0.0.1:9/v1/messages"))
                .build();

        assertThat(request.version()).contains(HttpClient.Version.HTTP_1_1);
    }

    @Test
    void whenTheEndpointIsHttpsThenTheClientNegotiatesTheVersion() {
        var request = ModelCaller.requestTo(URI.create("https://api.example.com/v1/messages"))
                .build();

        assertThat(request.version()).isEmpty();
    }
}
