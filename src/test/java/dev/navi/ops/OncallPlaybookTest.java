package dev.navi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The playbook covers exactly the alerts, and names only settings, endpoints and Kubernetes objects that exist. */
class OncallPlaybookTest {

    private static final Pattern SETTING = Pattern.compile("(?<![\\w.])navi\\.[a-z0-9.\\-\\[\\]*]*[a-z0-9*\\]]");
    private static final Pattern VARIABLE = Pattern.compile("\\bNAVI_[A-Z0-9_]+\\b");
    private static final Pattern ENDPOINT =
            Pattern.compile("/api/v1/[^\\s`'\"?),]*|/api/openapi|/health/[a-z]+|/metrics\\b");

    private final Markdown playbook = new Markdown(OpsArtifacts.read("docs/oncall.md"));
    private final Map<String, OpsArtifacts.Alert> alerts =
            OpsArtifacts.alerts().stream().collect(Collectors.toMap(OpsArtifacts.Alert::name, Function.identity()));

    @Nested
    class AlertTable {

        @Test
        void whenTheTableListsAlertsThenTheyAreExactlyTheRules() {
            var listed = playbook.table("## Alerts").stream()
                    .map(row -> row.getFirst())
                    .toList();

            assertThat(listed).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(listed)).isEqualTo(new TreeSet<>(alerts.keySet()));
        }

        @Test
        void whenTheTableGivesASeverityThenItIsTheAlertsSeverity() {
            assertThat(playbook.table("## Alerts"))
                    .allSatisfy(row -> assertThat(row.get(1))
                            .as(row.getFirst())
                            .isEqualTo(alerts.get(row.getFirst()).labels().get("severity")));
        }

        @Test
        void whenTheTableLinksARunbookThenItIsTheAlertsSection() {
            var anchors = playbook.anchors();

            assertThat(playbook.table("## Alerts")).allSatisfy(row -> {
                assertThat(row.get(2))
                        .isEqualTo("[%s](#%s)".formatted(row.getFirst(), Markdown.anchor(row.getFirst())));
                assertThat(anchors).contains(Markdown.anchor(row.getFirst()));
            });
        }

        @Test
        void whenEveryLinkInThePlaybookPointsInsideItThenTheSectionExists() {
            var links = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(playbook.text());
            var anchors = playbook.anchors();
            while (links.find()) {
                assertThat(anchors).contains(links.group(1));
            }
        }
    }

    @Nested
    class NamesThatExist {

        @Test
        void whenThePlaybookNamesASettingThenItIsInTheConfigurationReference() {
            var properties = KnownNames.properties();
            var named = find(SETTING, playbook.text());

            assertThat(named).isNotEmpty();
            assertThat(named)
                    .allSatisfy(setting -> assertThat(exists(setting, properties))
                            .as("setting %s exists in docs/configuration.md", setting)
                            .isTrue());
        }

        @Test
        void whenThePlaybookNamesAVariableThenItMeansASetting() {
            var properties = new LinkedHashSet<>(KnownNames.properties());
            var named = find(VARIABLE, playbook.text());

            assertThat(named).isNotEmpty();
            assertThat(named)
                    .allSatisfy(variable -> assertThat(KnownNames.isVariable(variable, properties))
                            .as(
                                    "variable %s is in the README's table or binds a property of docs/configuration.md",
                                    variable)
                            .isTrue());
        }

        @Test
        void whenThePlaybookNamesAnEndpointThenNaviServesIt() {
            var known = KnownNames.endpoints().stream()
                    .map(OncallPlaybookTest::template)
                    .collect(Collectors.toSet());
            var named = find(ENDPOINT, playbook.text());

            assertThat(named).contains("/health/ready", "/metrics", "/api/v1/errors");
            assertThat(named)
                    .allSatisfy(endpoint -> assertThat(known).as(endpoint).contains(template(endpoint)));
        }
    }

    @Test
    void whenKnownNamesAreCheckedThenAnUnknownOneIsRejected() {
        var properties = KnownNames.properties();

        assertThat(exists("navi.llm.no-such-setting", properties)).isFalse();
        assertThat(exists("navi.tasks.ceiling-*", properties)).isTrue();
        assertThat(KnownNames.isVariable("NAVI_AGENT_CONCURRENCY", properties)).isTrue();
        assertThat(KnownNames.isVariable("NAVI_NO_SUCH_THING", properties)).isFalse();
        assertThat(template("/api/v1/tasks/<id>/events")).isEqualTo(template("/api/v1/tasks/{id}/events"));
    }

    static boolean exists(String setting, Set<String> properties) {
        if (setting.endsWith("*")) {
            var prefix = setting.substring(0, setting.length() - 1);
            return properties.stream().anyMatch(p -> p.startsWith(prefix));
        }
        return properties.contains(setting);
    }

    static String template(String path) {
        return path.replaceAll("/(\\{[^}]*}|<[^>]*>|\\$\\w+)", "/{}");
    }

    static Set<String> find(Pattern pattern, String text) {
        var found = new TreeSet<String>();
        var matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group().replaceAll("[.]$", ""));
        }
        return found;
    }
}
