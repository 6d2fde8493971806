package dev.navi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.util.unit.DataSize;

class ConnectionBuffersConfigurationTest {

    @Test
    void whenCustomizedThenTheConnectorUsesTheStreamProtocolWithTheConfiguredBuffers() {
        var factory = new TomcatServletWebServerFactory();
        new ConnectionBuffersConfiguration().connectionBuffers(properties()).customize(factory);

        var connector = new Connector(factory.getProtocol());
        factory.getConnectorCustomizers().forEach(customizer -> customizer.customize(connector));

        var protocol = (StreamBufferProtocol) connector.getProtocolHandler();
        assertThat(protocol.getProperty(ConnectionBuffersConfiguration.READ_BUFFER))
                .isEqualTo("3072");
        assertThat(protocol.getProperty(ConnectionBuffersConfiguration.WRITE_BUFFER))
                .isEqualTo("3072");
        assertThat(protocol.getDesiredBufferSize()).isEqualTo(512);
        assertThat(protocol.getMaxTrailerSize()).isEqualTo(700);
    }

    @Test
    void whenNotCustomizedThenTheResponseBufferIsTomcatsDefault() {
        assertThat(new StreamBufferProtocol().getDesiredBufferSize()).isEqualTo(-1);
    }

    private static WebProperties properties() {
        return new WebProperties(
                DataSize.ofMegabytes(2),
                null,
                new WebProperties.Cors(List.of()),
                0,
                2048,
                DataSize.ofKilobytes(3),
                DataSize.ofKilobytes(8),
                DataSize.ofBytes(512),
                DataSize.ofBytes(700));
    }
}
