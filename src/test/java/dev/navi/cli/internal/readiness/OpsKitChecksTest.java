package dev.navi.cli.internal.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of the operations kit on a copy of this checkout: as it is, and with a fault planted. */
class OpsKitChecksTest {

    @TempDir
    Path dir;

    private Path repo;
    private OpsKit kit;

    @BeforeEach
    void copyTheCheckout() {
        repo = RepoFixture.copy(dir);
        kit = new OpsKit(repo);
    }

    @Nested
    class AsItIs {

        @Test
        void whenTheKitIsThisCheckoutsThenAlertsRunbooksSlosAndDashboardsPass() {
            assertThat(new AlertChecks(kit).run())
                    .allSatisfy(row -> assertThat(row.outcome()).as(row.check()).isInstanceOf(Outcome.Pass.class));
            assertThat(new DashboardChecks(kit).run())
                    .allSatisfy(row -> assertThat(row.outcome()).as(row.check()).isInstanceOf(Outcome.Pass.class));
        }

        @Test
        void whenTheRuleTestsAreCountedThenEveryAlertHasBothCases() {
            var rows = new Promtool(kit, Optional.empty()).run();

            assertThat(rows.get(2).outcome()).isInstanceOf(Outcome.Pass.class);
            assertThat(rows.get(0).outcome())
                    .isEqualTo(Outcome.warn("promtool is not on the PATH (it comes with the prometheus package)"));
        }

        @Test
        void whenTheRulesAndDashboardsAreReadThenTheirMetricsAreFound() {
            assertThat(kit.ruleMetricNames())
                    .contains("navi_http_request_duration_seconds_count", "up")
                    .doesNotContain("navi:slo_api_availability:objective");
            assertThat(kit.dashboardMetricNames()).contains("navi_tasks_queued");
            assertThat(kit.documentedMetrics())
                    .contains("navi_tools_sandbox_available", "hikaricp_connections_pending");
        }
    }

    @Nested
    class Planted {

        @Test
        void whenARunbookSectionIsMissingThenTheOncallRowFailsNamingTheAlert() {
            RepoFixture.replace(repo, "docs/oncall.md", "### NaviQueueBacklog\n", "### Queue backlog (renamed)\n");

            var row = new AlertChecks(kit).runbooks(kit.alerts());

            assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
            assertThat(row.outcome().text()).isEqualTo("no section for NaviQueueBacklog");
        }

        @Test
        void whenAnAlertLinksAnUnknownDashboardThenTheDashboardRowFails() {
            RepoFixture.replace(repo, "deploy/prometheus/alert-rules.yml", "/d/navi-streams", "/d/navi-gone");

            var row = new DashboardChecks(kit).links(kit.dashboards());

            assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
            assertThat(row.outcome().text()).contains("NaviSseHeartbeatsStalled", "navi-gone");
        }

        @Test
        void whenAnSloLosesItsSlowBurnAlertThenTheSloRowFails() {
            RepoFixture.replace(
                    repo,
                    "deploy/prometheus/alert-rules.yml",
                    "alert: NaviTaskStartSlowBurn",
                    "alert: NaviTaskStartSlowish");

            var row = new AlertChecks(kit).slos(kit.alerts());

            assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
            assertThat(row.outcome().text()).contains("no alert NaviTaskStartSlowBurn");
        }

        @Test
        void whenTheCostCeilingIsNotRecordedThenTheCostSloRowFails() {
            RepoFixture.replace(
                    repo,
                    "deploy/prometheus/recording-rules.yml",
                    "record: navi:llm_cost_ceiling_usd_per_hour",
                    "record: navi:llm_cost_ceiling_elsewhere");

            var row = new AlertChecks(kit).costSlo(kit.alerts());

            assertThat(row.outcome()).isInstanceOf(Outcome.Fail.class);
            assertThat(row.outcome().text()).startsWith("no ceiling recorded");
        }

        @Test
        void whenAnAlertHasNoSeverityThenTheLabelsRowFails() {
            RepoFixture.replace(repo, "deploy/prometheus/alert-rules.yml", "severity: ticket", "severity: someday");

            assertThat(new AlertChecks(kit).labels(kit.alerts()).outcome()).isInstanceOf(Outcome.Fail.class);
        }

        @Test
        void whenAnAlertHasNoRuleTestThenTheTestingRowFails() {
            RepoFixture.replace(
                    repo,
                    "deploy/prometheus/alert-rules.yml",
                    "alert: NaviApprovalsPiling",
                    "alert: NaviApprovalsPilingUntested");

            var rows = new Promtool(kit, Optional.empty()).run();

            assertThat(rows.get(2).outcome()).isInstanceOf(Outcome.Fail.class);
            assertThat(rows.get(2).outcome().text()).contains("NaviApprovalsPilingUntested (no case)");
        }
    }
}
