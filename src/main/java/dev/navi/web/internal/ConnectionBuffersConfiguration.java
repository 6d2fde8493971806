package dev.navi.web.internal;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The buffers Tomcat allocates per connection of the API port and holds while a request is open, an
 * event stream's for hours: the socket's read and write buffers ({@code navi.web.socket-buffer}, Tomcat's
 * default 8 KB each; the request header buffer is {@code server.max-http-request-header-size} plus the
 * read buffer), the response buffer ({@link StreamBufferProtocol}) and the buffer for a chunked request's
 * trailers ({@code navi.web.max-request-trailers}). The response header buffer is
 * {@code server.tomcat.max-http-response-header-size}.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionBuffersConfiguration {

    static final String READ_BUFFER = "socket.appReadBufSize";
    static final String WRITE_BUFFER = "socket.appWriteBufSize";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionBuffers(WebProperties properties) {
        var socketBuffer =
                Integer.toString(Math.toIntExact(properties.socketBuffer().toBytes()));
        int responseBuffer = Math.toIntExact(properties.streamResponseBuffer().toBytes());
        int trailers = Math.toIntExact(properties.maxRequestTrailers().toBytes());
        return factory -> {
            factory.setProtocol(StreamBufferProtocol.class.getName());
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof StreamBufferProtocol protocol) {
                    set(protocol, READ_BUFFER, socketBuffer);
                    set(protocol, WRITE_BUFFER, socketBuffer);
                    protocol.setResponseBufferSize(responseBuffer);
                    protocol.setMaxTrailerSize(trailers);
                }
            });
        };
    }

    private static void set(StreamBufferProtocol protocol, String name, String value) {
        if (!protocol.setProperty(name, value)) {
            throw new IllegalStateException("Tomcat does not know " + name);
        }
    }
}
