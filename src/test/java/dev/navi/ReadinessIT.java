package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.cli.NaviCli;
import dev.navi.ops.OpsArtifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code navi readiness} run in-process against this NAVI (llm-sim behind it) and this checkout: every
 * section has rows, every row its evidence, and the verdict and exit code follow from the rows.
 */
@TestPropertySource(
        properties = {
            "navi.llm.provider=anthropic",
            "navi.llm.anthropic-api-key=sk-ant-test",
            "navi.llm.base-url=${navi.it.sim-url}",
            "navi.llm.model=claude-sim"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadinessIT extends NaviIntegrationTest {

    private static final List<String> SECTIONS = List.of(
            "E2E validation",
            "Dashboards",
            "SLOs",
            "Alert rules",
            "On-call playbook",
            "Connection handling (stream timeouts and heartbeats)",
            "Rate-limit handling",
            "Code and configuration security",
            "Monitoring",
            "Testing",
            "Deployment");

    private int exitCode;
    private JsonNode report;
    private String markdown;

    @BeforeAll
    void runTheReview() throws IOException {
        var reportDir = Files.createTempDirectory("readiness-report");
        var evidence = Files.createTempDirectory("readiness-evidence");
        Files.createDirectories(evidence.resolve("validate"));
        Files.writeString(
                evidence.resolve("validate/report.json"),
                "{\"generatedAt\": \"" + Instant.now().minus(Duration.ofHours(1))
                        + "\", \"passed\": true, \"scenarios\": []}");
        Files.writeString(
                evidence.resolve("bench.json"),
                "{\"generatedAt\": \"" + Instant.now().minus(Duration.ofDays(30)) + "\", \"passed\": true}");
        var workspace = NaviHome.workspace("readiness-probe", "README.md", "the readiness probe's workspace\n");

        exitCode = NaviCli.run(
                "readiness",
                "--base-url",
                "http://127.0.0.1:" + port,
                "--repo",
                OpsArtifacts.root().toString(),
                "--report",
                reportDir.toString(),
                "--evidence",
                evidence.toString(),
                "--token-file",
                NaviHome.HOME.resolve("admin.token").toString(),
                "--llm-sim",
                TestLlmSim.SIM.baseUrl(),
                "--probe-workspace",
                workspace,
                "--heartbeat-interval",
                "300ms",
                "--heartbeat-slack",
                "10s");

        report = json.readTree(Files.readString(reportDir.resolve("readiness.json")));
        markdown = Files.readString(reportDir.resolve("readiness.md"));
    }

    @Nested
    class Report {

        @Test
        void whenTheReviewRanThenEverySectionHasRowsWithEvidence() {
            var titles = new ArrayList<String>();
            report.path("sections").forEach(section -> {
                titles.add(section.path("title").asString());
                assertThat(section.path("rows").isEmpty())
                        .as(section.path("title").asString())
                        .isFalse();
                section.path("rows").forEach(row -> {
                    assertThat(row.path("evidence").asString())
                            .as(row.toString())
                            .isNotBlank();
                    assertThat(row.path("seen").asString()).as(row.toString()).isNotBlank();
                    assertThat(row.path("status").asString()).isIn("pass", "warn", "fail");
                });
            });

            assertThat(titles).isEqualTo(SECTIONS);
            assertThat(markdown)
                    .contains(SECTIONS.stream().map(s -> "\n## " + s + "\n").toArray(String[]::new));
            assertThat(markdown).contains("## Customization required");
        }

        @Test
        void whenTheVerdictIsWrittenThenItIsCountedFromTheRowsAndTheExitCodeFollows() {
            var counts = new TreeMap<String, Integer>(Map.of("pass", 0, "warn", 0, "fail", 0));
            report.path("sections")
                    .forEach(s -> s.path("rows")
                            .forEach(r -> counts.merge(r.path("status").asString(), 1, Integer::sum)));

            assertThat(report.path("verdict").path("passed").asInt()).isEqualTo(counts.get("pass"));
            assertThat(report.path("verdict").path("warned").asInt()).isEqualTo(counts.get("warn"));
            assertThat(report.path("verdict").path("failed").asInt()).isEqualTo(counts.get("fail"));
            assertThat(report.path("ready").asBoolean()).isEqualTo(counts.get("fail") == 0);
            assertThat(exitCode).isEqualTo(counts.get("fail") == 0 ? 0 : 1);
        }
    }

    @Nested
    class AgainstTheService {

        @Test
        void whenAStrangerAsksForTasksThenTheRowSaysRefusedWith401Problem() {
            var row = row("Code and configuration security", "anonymous request");

            assertThat(row.path("status").asString()).isEqualTo("pass");
            assertThat(row.path("seen").asString()).contains("HTTP 401", "urn:navi:problem:");
        }

        @Test
        void whenTheServiceIsUpThenReadyHeadersAndRateLimitsPass() {
            assertThat(row("Deployment", "/health/ready").path("status").asString())
                    .isEqualTo("pass");
            assertThat(row("Code and configuration security", "security headers")
                            .path("status")
                            .asString())
                    .isEqualTo("pass");
            assertThat(row("Rate-limit handling", "RateLimit").path("seen").asString())
                    .contains("RateLimit-Policy: ");
        }

        @Test
        void whenTheProbeTaskWaitsForItsApprovalThenHeartbeatsAreCounted() {
            var row = row("Connection handling (stream timeouts and heartbeats)", "heartbeats");

            assertThat(row.path("status").asString()).as(row.toString()).isEqualTo("pass");
            assertThat(row.path("seen").asString()).matches("(?s)[1-9]\\d* heartbeats in .*");
        }

        @Test
        void whenMetricsAreComparedThenTheRowsNameWhatIsAbsentInsteadOfFailing() {
            var rules = row("Alert rules", "every metric the alert and recording rules name");

            assertThat(rules.path("status").asString()).as(rules.toString()).isIn("pass", "warn");
            assertThat(row("Monitoring", "/metrics answers").path("status").asString())
                    .isEqualTo("pass");
        }

        @Test
        void whenTheSandboxIsReportedThenItComesFromTheHealthDetailsOrTheGauge() {
            var row = row("Code and configuration security", "sandbox");

            assertThat(row.path("evidence").asString())
                    .containsAnyOf("components.sandbox", "navi_tools_sandbox_available");
            assertThat(row.path("seen").asString()).contains("available");
        }
    }

    @Nested
    class Evidence {

        @Test
        void whenTheValidateReportIsRecentAndPassedThenItsRowPasses() {
            var row = row("E2E validation", "navi validate");

            assertThat(row.path("status").asString()).isEqualTo("pass");
            assertThat(row.path("evidence").asString())
                    .endsWith(Path.of("validate", "report.json").toString());
        }

        @Test
        void whenTheBenchReportIsAMonthOldThenItsRowFails() {
            var row = row("Testing", "navi bench");

            assertThat(row.path("status").asString()).isEqualTo("fail");
            assertThat(row.path("seen").asString()).contains("older than 7 d");
        }

        @Test
        void whenTheCheckoutHasExampleHostsThenTheyAreListedForCustomization() {
            var found = new ArrayList<String>();
            report.path("customizations")
                    .forEach(c -> found.add(
                            c.path("file").asString() + " " + c.path("found").asString()));

            assertThat(found).anyMatch(f -> f.startsWith("deploy/k8s/configmap.yaml") && f.contains("example.com"));
            assertThat(row("Deployment", "placeholder").path("status").asString())
                    .isEqualTo("warn");
        }
    }

    private JsonNode row(String section, String checkContains) {
        for (var s : report.path("sections")) {
            if (s.path("title").asString().equals(section)) {
                for (var r : s.path("rows")) {
                    if (r.path("check").asString().contains(checkContains)) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no row '" + checkContains + "' in " + section + ": " + report);
    }
}
