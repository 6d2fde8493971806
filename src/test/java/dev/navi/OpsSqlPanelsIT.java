package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.navi.ops.OpsArtifacts;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every PostgreSQL panel of the Grafana dashboards runs against the migrated schema, macros expanded. */
@UsesAnthropicSim
class OpsSqlPanelsIT extends NaviIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void whenDashboardsAreReadThenThereAreSqlPanels() {
        assertThat(OpsArtifacts.sqlPanels()).hasSizeGreaterThanOrEqualTo(4);
    }

    @TestFactory
    Stream<DynamicTest> whenASqlPanelRunsThenTheSchemaAnswersIt() {
        var jdbc = new JdbcTemplate(dataSource);
        var workspace = NaviHome.workspace("ops-sql", "README.md", "x\n");
        awaitFinished(submit("ops-multi-turn", workspace, "{\"maxIterations\": 1}")
                .get("id")
                .asString());
        return OpsArtifacts.sqlPanels().stream()
                .map(panel -> DynamicTest.dynamicTest(
                        panel.dashboard() + ": " + panel.title(),
                        () -> assertThatCode(() -> jdbc.queryForList(panel.expandedSql()))
                                .as(panel.expandedSql())
                                .doesNotThrowAnyException()));
    }
}
