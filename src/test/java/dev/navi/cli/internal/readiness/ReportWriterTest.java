package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.cli.NaviCli;
import dev.navi.cli.internal.NaviClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final Readiness READINESS = new Readiness(
            Instant.parse("2026-12-02T12:00:00Z"),
            "https://navi.acme.test",
            ReportWriter.complete(List.of(
                    Row.pass(Section.SECURITY, "anonymous refused", "GET /api/v1/tasks", "HTTP 401 | problem"),
                    Row.fail(Section.DEPLOYMENT, "ready", "GET /health/ready", "HTTP 503\nDOWN"))),
            List.of(new Customization(
                    "deploy/k8s/configmap.yaml", 23, "auth.example.com", "replace with your own value")));

    @TempDir
    Path dir;

    @Test
    void whenWrittenThenBothFilesHoldEverySectionAndTheComputedVerdict() throws IOException {
        ReportWriter.write(READINESS, dir);

        var markdown = Files.readString(dir.resolve("readiness.md"));
        var json = NaviClient.json().readTree(Files.readString(dir.resolve("readiness.json")));

        for (var section : Section.values()) {
            assertThat(markdown).contains("\n## " + section.title() + "\n");
        }
        assertThat(markdown)
                .contains("**Verdict: NOT READY: 1 ✅, 9 ⚠️, 1 ❌ of 11 checks.", "| `auth.example.com` |".substring(2));
        assertThat(json.path("ready").asBoolean()).isFalse();
        assertThat(json.path("verdict").path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("sections")).hasSize(Section.values().length);
        assertThat(json.path("customizations").path(0).path("line").asInt()).isEqualTo(23);
    }

    @Test
    void whenACellHoldsPipesOrLineBreaksThenTheTableStaysATable() {
        var markdown = ReportWriter.markdown(READINESS);

        assertThat(markdown).contains("HTTP 401 \\| problem", "HTTP 503<br>DOWN");
    }

    @Test
    void whenTheRepoIsNoCheckoutThenTheCommandIsAUsageError(@TempDir Path empty) {
        assertThat(NaviCli.run("readiness", "--repo", empty.toString(), "--report", dir.toString()))
                .isEqualTo(2);
        assertThat(dir.resolve("readiness.md")).doesNotExist();
    }

    @Test
    void whenADurationOptionIsMalformedThenTheCommandIsAUsageError() {
        var repo = dev.navi.ops.OpsArtifacts.root().toString();

        assertThat(NaviCli.run("readiness", "--repo", repo, "--report", dir.toString(), "--heartbeat-interval", "soon"))
                .isEqualTo(2);
        assertThat(dir.resolve("readiness.md")).doesNotExist();
    }
}
