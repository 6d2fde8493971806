package dev.navi.cli.internal.readiness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The alert rules against themselves, the SLO recording rules and the on-call playbook. */
final class AlertChecks {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern ANCHOR = Pattern.compile("oncall\\.md#([\\w-]+)");
    private static final Pattern OBJECTIVE = Pattern.compile("navi:slo_(\\w+):objective");
    private static final List<String> WINDOWS = List.of("5m", "30m", "1h", "6h", "3d", "30d");
    private static final Set<String> SEVERITIES = Set.of("page", "ticket");

    private final OpsKit kit;

    AlertChecks(OpsKit kit) {
        this.kit = kit;
    }

    List<Row> run() {
        List<OpsKit.Alert> alerts;
        try {
            alerts = kit.alerts();
        } catch (RuntimeException e) {
            var why = "cannot read " + OpsKit.ALERT_RULES + ": " + e.getMessage();
            return List.of(
                    Row.fail(Section.ALERT_RULES, "the alert rules can be read", OpsKit.ALERT_RULES, why),
                    Row.warn(Section.ONCALL, "every alert has a runbook section", OpsKit.ONCALL, why),
                    Row.warn(
                            Section.SLOS,
                            "every SLO has its recording rules and burn-rate alerts",
                            OpsKit.RECORDING_RULES,
                            why));
        }
        return List.of(labels(alerts), runbooks(alerts), slos(alerts), costSlo(alerts));
    }

    Row labels(List<OpsKit.Alert> alerts) {
        var check = "every alert has a severity (page or ticket), a runbook_url and a dashboard_url";
        var wrong = new ArrayList<String>();
        for (var alert : alerts) {
            if (!SEVERITIES.contains(alert.labels().getOrDefault("severity", ""))) {
                wrong.add(alert.name() + " severity " + alert.labels().getOrDefault("severity", "(none)"));
            }
            for (var annotation : List.of("runbook_url", "dashboard_url")) {
                if (alert.annotations().getOrDefault(annotation, "").isBlank()) {
                    wrong.add(alert.name() + " without " + annotation);
                }
            }
        }
        return wrong.isEmpty()
                ? Row.pass(
                        Section.ALERT_RULES,
                        check,
                        OpsKit.ALERT_RULES,
                        alerts.size() + " alerts, all labelled and linked")
                : Row.fail(Section.ALERT_RULES, check, OpsKit.ALERT_RULES, String.join("; ", wrong));
    }

    Row runbooks(List<OpsKit.Alert> alerts) {
        var check = "every alert has a runbook section, and its runbook_url points at it";
        var evidence = "headings of " + OpsKit.ONCALL + " vs " + OpsKit.ALERT_RULES;
        if (!kit.exists(OpsKit.ONCALL)) {
            return Row.fail(Section.ONCALL, check, evidence, OpsKit.ONCALL + " does not exist");
        }
        var anchors = anchors(kit.read(OpsKit.ONCALL));
        var missing = new TreeSet<String>();
        var wrongLinks = new TreeSet<String>();
        for (var alert : alerts) {
            var anchor = anchor(alert.name());
            if (!anchors.contains(anchor)) {
                missing.add(alert.name());
            }
            var link = ANCHOR.matcher(alert.annotations().getOrDefault("runbook_url", ""));
            if (!link.find() || !link.group(1).equals(anchor)) {
                wrongLinks.add(alert.name());
            }
        }
        if (missing.isEmpty() && wrongLinks.isEmpty()) {
            return Row.pass(
                    Section.ONCALL, check, evidence, "all " + alerts.size() + " alerts have a section and link it");
        }
        var seen = new ArrayList<String>();
        if (!missing.isEmpty()) {
            seen.add("no section for " + String.join(", ", missing));
        }
        if (!wrongLinks.isEmpty()) {
            seen.add("runbook_url not oncall.md#<its section> for " + String.join(", ", wrongLinks));
        }
        return Row.fail(Section.ONCALL, check, evidence, String.join("; ", seen));
    }

    Row slos(List<OpsKit.Alert> alerts) {
        var check = "every SLO has its objective, error ratios over 5m…30d and a fast- and a slow-burn alert";
        var evidence = OpsKit.RECORDING_RULES + ", " + OpsKit.ALERT_RULES;
        Set<String> recorded;
        try {
            recorded = kit.recordedNames();
        } catch (RuntimeException e) {
            return Row.fail(
                    Section.SLOS, check, evidence, "cannot read " + OpsKit.RECORDING_RULES + ": " + e.getMessage());
        }
        var names = alerts.stream().map(OpsKit.Alert::name).collect(java.util.stream.Collectors.toSet());
        var slos = new TreeSet<String>();
        var wrong = new ArrayList<String>();
        for (var name : recorded) {
            var objective = OBJECTIVE.matcher(name);
            if (!objective.matches()) {
                continue;
            }
            var slo = objective.group(1);
            slos.add(slo);
            WINDOWS.stream()
                    .map(w -> "navi:slo_" + slo + ":error_ratio_" + w)
                    .filter(r -> !recorded.contains(r))
                    .forEach(r -> wrong.add("no " + r));
            for (var speed : List.of("FastBurn", "SlowBurn")) {
                var alert = "Navi" + camel(slo) + speed;
                if (!names.contains(alert)) {
                    wrong.add("no alert " + alert);
                }
            }
        }
        if (slos.isEmpty()) {
            return Row.fail(Section.SLOS, check, evidence, "no navi:slo_<name>:objective recording rule");
        }
        return wrong.isEmpty()
                ? Row.pass(
                        Section.SLOS,
                        check,
                        evidence,
                        slos.size() + " SLOs (" + String.join(", ", slos) + "), each complete")
                : Row.fail(Section.SLOS, check, evidence, String.join("; ", wrong));
    }

    Row costSlo(List<OpsKit.Alert> alerts) {
        var check = "the LLM cost SLO has its ceiling and a fast- and a slow-burn alert";
        var evidence = "navi:llm_cost_ceiling_usd_per_hour in " + OpsKit.RECORDING_RULES + ", " + OpsKit.ALERT_RULES;
        try {
            var ceiling = kit.rules(OpsKit.RECORDING_RULES).stream()
                    .filter(rule -> "navi:llm_cost_ceiling_usd_per_hour".equals(rule.get("record")))
                    .map(rule -> String.valueOf(rule.get("expr")).strip())
                    .findFirst();
            var names = alerts.stream().map(OpsKit.Alert::name).toList();
            var missing = java.util.stream.Stream.of("NaviLlmCostFastBurn", "NaviLlmCostSlowBurn")
                    .filter(a -> !names.contains(a))
                    .toList();
            if (ceiling.isEmpty() || !missing.isEmpty()) {
                return Row.fail(
                        Section.SLOS,
                        check,
                        evidence,
                        (ceiling.isEmpty() ? "no ceiling recorded; " : "")
                                + (missing.isEmpty() ? "" : "no alert " + String.join(", ", missing)));
            }
            return Row.pass(
                    Section.SLOS,
                    check,
                    evidence,
                    "ceiling " + ceiling.get()
                            + " USD per hour (an operations decision, docs/slo.md), both alerts present");
        } catch (RuntimeException e) {
            return Row.fail(Section.SLOS, check, evidence, "cannot read the rules: " + e.getMessage());
        }
    }

    static Set<String> anchors(String markdown) {
        var anchors = new LinkedHashSet<String>();
        var headings = HEADING.matcher(markdown);
        while (headings.find()) {
            anchors.add(anchor(headings.group(1)));
        }
        return anchors;
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    private static String camel(String snake) {
        var out = new StringBuilder();
        for (var part : snake.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
