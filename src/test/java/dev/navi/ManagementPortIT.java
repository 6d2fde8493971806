package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code management.server.port} set (as {@code deploy/k8s} does), the probes and {@code /metrics}
 * are served on that port only: the public port never shows them.
 */
@UsesAnthropicSim
@TestPropertySource(
        properties = {
            "management.server.port=0",
            "navi.database.embedded-data-directory=${navi.home}/pgdata-management-port"
        })
class ManagementPortIT extends NaviIntegrationTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void whenAManagementPortIsSetThenProbesAndMetricsAreServedThereOnly() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(management("/health/live").statusCode()).isEqualTo(200);
        assertThat(management("/health/ready").statusCode()).isEqualTo(200);
        var metrics = management("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("navi_tasks_queued");

        for (var path : new String[] {"/metrics", "/health/live", "/health/ready"}) {
            var onPublicPort = get(path, "*/*");
            assertThat(onPublicPort.statusCode()).as(path).isEqualTo(404);
            assertThat(onPublicPort.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void whenAManagementPortIsSetThenTheApiStillAnswersOnThePublicPort() {
        var id = submit("create-file", NaviHome.workspace("management-port", "a.txt", "a\n"), null)
                .get("id")
                .asString();

        assertThat(awaitFinished(id).get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void whenStartedThenTheApiPortHoldsAsManyConnectionsAsTheDescriptorsAllow() {
        var tomcat = ((org.springframework.boot.tomcat.TomcatWebServer) web.getWebServer()).getTomcat();
        var protocol =
                (org.apache.coyote.AbstractProtocol<?>) tomcat.getConnector().getProtocolHandler();
        var descriptors = ((com.sun.management.UnixOperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();

        assertThat(protocol.getMaxConnections())
                .as("the file-descriptor limit is %d", descriptors)
                .isEqualTo((int) Math.max(8192, Math.min(Integer.MAX_VALUE, descriptors - 2048)));
    }

    @Autowired
    WebServerApplicationContext web;

    private HttpResponse<String> management(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .header("Accept", "*/*")
                .GET()
                .build());
    }
}
