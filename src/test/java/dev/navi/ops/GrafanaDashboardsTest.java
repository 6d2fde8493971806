package dev.navi.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Dashboards and provisioning: datasources as variables, no hosts or credentials, SQL that honours the time picker. */
class GrafanaDashboardsTest {

    @Test
    void whenDashboardsAreProvidedThenEachPlannedOneExistsWithAUniqueUid() {
        var uids = OpsArtifacts.dashboards().values().stream()
                .map(d -> d.path("uid").asString())
                .toList();

        assertThat(uids)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(
                        "navi-overview", "navi-llm", "navi-tasks", "navi-streams", "navi-errors", "navi-security");
    }

    @Test
    void whenAPanelNamesADatasourceThenItIsATemplateVariableOfTheDashboard() {
        OpsArtifacts.dashboards().forEach((file, dashboard) -> {
            var variables = dashboard
                    .path("templating")
                    .path("list")
                    .valueStream()
                    .filter(v -> v.path("type").asString().equals("datasource"))
                    .map(v -> "${" + v.path("name").asString() + "}")
                    .collect(Collectors.toSet());
            assertThat(variables).as(file).isNotEmpty();
            dashboard.path("panels").forEach(panel -> {
                if (!panel.path("type").asString().equals("row")) {
                    assertThat(panel.path("datasource").path("uid").asString())
                            .as("%s: %s", file, panel.path("title").asString())
                            .isIn(variables);
                    panel.path("targets")
                            .forEach(target -> assertThat(target.path("datasource")
                                            .path("uid")
                                            .asString())
                                    .isIn(variables));
                }
            });
        });
    }

    @Test
    void whenAPanelQueriesPostgresThenTheQueryHonoursTheTimePicker() {
        var panels = OpsArtifacts.sqlPanels();

        assertThat(panels).hasSizeGreaterThanOrEqualTo(4);
        assertThat(panels)
                .allSatisfy(panel ->
                        assertThat(panel.rawSql()).as(panel.title()).containsAnyOf("$__timeFilter(", "$__timeFrom()"));
    }

    @Test
    void whenAPanelHasNoQueryThenTheTestNoticesIt() {
        assertThat(OpsArtifacts.panels())
                .allSatisfy(panel -> assertThat(targets(panel))
                        .as(panel.path("title").asString())
                        .isPositive());
    }

    @Test
    void whenProvisioningNamesHostsOrSecretsThenTheyComeFromTheEnvironment() {
        var datasources = OpsArtifacts.read("deploy/grafana/provisioning/datasources/navi.yaml");
        var dashboards = OpsArtifacts.read("deploy/grafana/provisioning/dashboards/navi.yaml");

        for (var key : new String[] {"url", "user", "password", "database"}) {
            assertThat(datasources.lines().filter(l -> l.trim().startsWith(key + ":")))
                    .as(key)
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).matches("\\s*" + key + ": \\$\\{[A-Z_]+}"));
        }
        assertThat(dashboards).contains("path: ${NAVI_GRAFANA_DASHBOARDS_DIR}");
        assertThat(datasources + dashboards).doesNotContainPattern("https?://").doesNotContain("localhost");
    }

    @Nested
    class SqlMacros {

        @Test
        void whenTheTimeFilterIsExpandedThenItBecomesARangeOnItsColumn() {
            assertThat(GrafanaSqlMacros.expand("SELECT 1 FROM t WHERE $__timeFilter(last_seen)"))
                    .isEqualTo("SELECT 1 FROM t WHERE last_seen BETWEEN (now() - interval '1 hour') AND now()");
        }

        @Test
        void whenTimeGroupsAndBoundsAreExpandedThenNoMacroRemains() {
            assertThat(
                            GrafanaSqlMacros.expand(
                                    "SELECT $__timeGroupAlias(finished_at, $__interval), 1 WHERE x BETWEEN $__timeFrom() AND $__timeTo()"))
                    .isEqualTo("SELECT floor(extract(epoch from finished_at) / 60) * 60 AS \"time\", 1"
                            + " WHERE x BETWEEN (now() - interval '1 hour') AND now()");
        }

        @Test
        void whenAMacroIsUnknownThenExpansionFails() {
            assertThatThrownBy(() -> GrafanaSqlMacros.expand("SELECT $__unixEpochFilter(ts)"))
                    .hasMessageContaining("$__unixEpochFilter");
        }
    }

    private static int targets(JsonNode panel) {
        return panel.path("targets").size();
    }
}
