package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --prometheus rows against a fake Prometheus HTTP API answering canned JSON. */
class PrometheusChecksTest {

    @TempDir
    Path dir;

    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private HttpServer server;
    private OpsKit kit;
    private PrometheusChecks checks;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var body = answers.get(exchange.getRequestURI().getPath());
            var bytes = (body == null ? "{\"status\": \"error\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        kit = new OpsKit(RepoFixture.copy(dir));
        var prometheus = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        checks = new PrometheusChecks(prometheus, new Http(Optional.empty(), Duration.ofSeconds(5)), kit);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void whenTheNaviTargetIsUpThenItPassesAndWhenDownItFails() {
        answers.put("/api/v1/query", """
                {"status": "success", "data": {"resultType": "vector", "result": [
                  {"metric": {"__name__": "up", "job": "navi", "instance": "10.0.0.1:8788"}, "value": [1, "1"]},
                  {"metric": {"__name__": "up", "job": "node"}, "value": [1, "0"]}]}}""");
        assertThat(checks.targetUp().outcome()).isEqualTo(Outcome.pass("1 NAVI targets up"));

        answers.put("/api/v1/query", """
                {"status": "success", "data": {"result": [
                  {"metric": {"job": "navi", "instance": "10.0.0.2:8788"}, "value": [1, "0"]}]}}""");
        assertThat(checks.targetUp().outcome()).isInstanceOf(Outcome.Fail.class);
    }

    @Test
    void whenAnAlertIsNotLoadedThenItIsNamed() {
        var rules = new StringBuilder("{\"status\": \"success\", \"data\": {\"groups\": [{\"rules\": [");
        kit.alerts().stream()
                .filter(a -> !a.name().equals("NaviQueueBacklog"))
                .forEach(a -> rules.append("{\"name\": \"").append(a.name()).append("\"},"));
        rules.setLength(rules.length() - 1);
        answers.put("/api/v1/rules", rules + "]}]}}");

        var row = checks.rulesLoaded();

        assertThat(row.outcome()).isEqualTo(Outcome.fail("not loaded: NaviQueueBacklog"));
    }

    @Test
    void whenTheExternalLabelsAreTheDocumentationsExampleThenTheLinksRowFails() {
        answers.put("/api/v1/status/config", """
                {"status": "success", "data": {"yaml": "global:\\n  external_labels:\\n    runbook_base: https://git.example.com/navi/blob/main/docs\\n    dashboard_base: https://grafana.acme.test\\n"}}""");

        var row = checks.links();

        assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
        assertThat(row.outcome().text())
                .contains("runbook_base: https://git.example.com")
                .doesNotContain("dashboard_base");
    }

    @Test
    void whenPrometheusDoesNotAnswerThenTheRowsCannotBeChecked() {
        server.stop(0);

        assertThat(checks.run()).allSatisfy(row -> assertThat(row.outcome()).isInstanceOf(Outcome.Warn.class));
    }
}
