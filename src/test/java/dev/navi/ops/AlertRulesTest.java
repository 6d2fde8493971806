package dev.navi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every alert is actionable: a severity the playbook defines, a runbook section that exists, a dashboard link. */
class AlertRulesTest {

    private static final String RUNBOOK_PREFIX = "{{ $externalLabels.runbook_base }}/oncall.md#";
    private static final String DASHBOARD_PREFIX = "{{ $externalLabels.dashboard_base }}/d/";

    private final List<OpsArtifacts.Alert> alerts = OpsArtifacts.alerts();
    private final Markdown playbook = new Markdown(OpsArtifacts.read("docs/oncall.md"));

    @Test
    void whenAlertsAreReadThenThereAreSome() {
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(20);
        assertThat(alerts).extracting(OpsArtifacts.Alert::name).doesNotHaveDuplicates();
    }

    @Test
    void whenAnAlertHasASeverityThenThePlaybookDefinesIt() {
        var severities = playbook.table("## Severities and response times").stream()
                .map(row -> row.getFirst())
                .collect(Collectors.toSet());

        assertThat(severities).containsExactlyInAnyOrder("page", "ticket");
        assertThat(alerts)
                .allSatisfy(alert -> assertThat(alert.labels().get("severity"))
                        .as(alert.name())
                        .isIn(severities));
    }

    @Test
    void whenAnAlertLinksItsRunbookThenTheAnchorIsItsOwnSectionOfThePlaybook() {
        var anchors = playbook.anchors();

        assertThat(alerts).allSatisfy(alert -> {
            var url = alert.annotations().get("runbook_url");
            assertThat(url).as(alert.name()).startsWith(RUNBOOK_PREFIX);
            var anchor = url.substring(RUNBOOK_PREFIX.length());
            assertThat(anchor).as(alert.name()).isEqualTo(Markdown.anchor(alert.name()));
            assertThat(anchors).as("sections of docs/oncall.md").contains(anchor);
        });
    }

    @Test
    void whenAnAlertLinksADashboardThenItIsBuiltFromTheBaseAndTheDashboardExists() {
        Set<String> uids = OpsArtifacts.dashboards().values().stream()
                .map(d -> d.path("uid").asString())
                .collect(Collectors.toSet());

        assertThat(alerts).allSatisfy(alert -> {
            var url = alert.annotations().get("dashboard_url");
            assertThat(url).as(alert.name()).startsWith(DASHBOARD_PREFIX);
            assertThat(uids).as(alert.name()).contains(url.substring(DASHBOARD_PREFIX.length()));
        });
    }

    @Test
    void whenAnAlertIsDescribedThenItHasASummaryAndADescription() {
        assertThat(alerts)
                .allSatisfy(alert ->
                        assertThat(alert.annotations()).as(alert.name()).containsKeys("summary", "description"));
    }
}
