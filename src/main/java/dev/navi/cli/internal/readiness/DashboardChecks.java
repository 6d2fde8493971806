package dev.navi.cli.internal.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The Grafana dashboards: they load, and every alert's dashboard link lands on one of them. */
final class DashboardChecks {

    private static final Pattern DASHBOARD_LINK = Pattern.compile("/d/([\\w-]+)");

    private final OpsKit kit;

    DashboardChecks(OpsKit kit) {
        this.kit = kit;
    }

    List<Row> run() {
        Map<String, JsonNode> dashboards;
        try {
            dashboards = kit.dashboards();
        } catch (RuntimeException e) {
            return List.of(Row.fail(
                    Section.DASHBOARDS,
                    "the dashboards load",
                    OpsKit.DASHBOARDS + "/*.json",
                    "cannot read them: " + e.getMessage()));
        }
        return List.of(wellFormed(dashboards), links(dashboards));
    }

    Row wellFormed(Map<String, JsonNode> dashboards) {
        var check = "every dashboard has a uid, a title and panels";
        var evidence = OpsKit.DASHBOARDS + "/*.json";
        if (dashboards.isEmpty()) {
            return Row.fail(Section.DASHBOARDS, check, evidence, "no dashboards");
        }
        var wrong = new ArrayList<String>();
        dashboards.forEach((file, dashboard) -> {
            for (var field : List.of("uid", "title")) {
                if (dashboard.path(field).asString("").isBlank()) {
                    wrong.add(file + " has no " + field);
                }
            }
            if (dashboard.path("panels").isEmpty()) {
                wrong.add(file + " has no panels");
            }
        });
        return wrong.isEmpty()
                ? Row.pass(
                        Section.DASHBOARDS,
                        check,
                        evidence,
                        dashboards.size() + " dashboards: " + String.join(", ", uids(dashboards)))
                : Row.fail(Section.DASHBOARDS, check, evidence, String.join("; ", wrong));
    }

    Row links(Map<String, JsonNode> dashboards) {
        var check = "every alert's dashboard_url names an existing dashboard";
        var evidence = "dashboard_url of " + OpsKit.ALERT_RULES + " vs the uids in " + OpsKit.DASHBOARDS;
        List<OpsKit.Alert> alerts;
        try {
            alerts = kit.alerts();
        } catch (RuntimeException e) {
            return Row.warn(Section.DASHBOARDS, check, evidence, "cannot read the alert rules: " + e.getMessage());
        }
        var uids = uids(dashboards);
        var broken = new TreeSet<String>();
        for (var alert : alerts) {
            var link = DASHBOARD_LINK.matcher(alert.annotations().getOrDefault("dashboard_url", ""));
            if (!link.find() || !uids.contains(link.group(1))) {
                broken.add(alert.name() + " → " + alert.annotations().getOrDefault("dashboard_url", "(none)"));
            }
        }
        return broken.isEmpty()
                ? Row.pass(
                        Section.DASHBOARDS,
                        check,
                        evidence,
                        alerts.size() + " alerts link " + uids.size() + " dashboards")
                : Row.fail(Section.DASHBOARDS, check, evidence, String.join("; ", broken));
    }

    private static TreeSet<String> uids(Map<String, JsonNode> dashboards) {
        var uids = new TreeSet<String>();
        dashboards.values().forEach(d -> uids.add(d.path("uid").asString("")));
        return uids;
    }
}
