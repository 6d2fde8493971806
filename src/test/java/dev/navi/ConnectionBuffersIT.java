package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.web.internal.StreamBufferProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The API port's per-connection buffers are small, which is what an idle event stream holds; ordinary
 * responses still get Tomcat's 8 KB response buffer, so a small one keeps its {@code Content-Length}.
 */
@UsesAnthropicSim
class ConnectionBuffersIT extends NaviIntegrationTest {

    @Autowired
    WebServerApplicationContext web;

    @Test
    void whenStartedThenTheApiConnectorHasSmallSocketAndStreamBuffers() {
        var tomcat = ((TomcatWebServer) web.getWebServer()).getTomcat();
        var protocol = tomcat.getConnector().getProtocolHandler();

        assertThat(protocol).isInstanceOf(StreamBufferProtocol.class);
        var nio = (StreamBufferProtocol) protocol;
        assertThat(nio.getProperty("socket.appReadBufSize")).isEqualTo("2048");
        assertThat(nio.getProperty("socket.appWriteBufSize")).isEqualTo("2048");
        assertThat(nio.getDesiredBufferSize()).isEqualTo(1024);
        assertThat(nio.getMaxTrailerSize()).isEqualTo(1024);
        assertThat(nio.getMaxHttpResponseHeaderSize()).isEqualTo(4 * 1024);
        assertThat(nio.getMaxHttpRequestHeaderSize()).isEqualTo(16 * 1024);
    }

    @Test
    void whenAResponseFitsTheResponseBufferThenItHasAContentLengthAndIsNotChunked() {
        var id = submit("create-file", NaviHome.workspace("connection-buffers", "a.txt", "a\n"), null)
                .get("id")
                .asString();
        awaitFinished(id);

        var page = get("/api/v1/tasks/" + id + "/events?after=0", "application/json");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().length()).as("larger than the stream buffer").isBetween(1025, 8192);
        assertThat(page.headers().firstValueAsLong("Content-Length"))
                .hasValue(page.body().length());
        assertThat(page.headers().firstValue("Transfer-Encoding")).isEmpty();
    }
}
