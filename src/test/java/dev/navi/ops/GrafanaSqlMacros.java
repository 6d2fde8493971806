package dev.navi.ops;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the Grafana PostgreSQL macros the dashboards use the way Grafana would for the last hour, so
 * a panel's query can run against the real schema. An unknown macro is an error, not silently kept.
 */
final class GrafanaSqlMacros {

    private static final String FROM = "(now() - interval '1 hour')";
    private static final String TO = "now()";
    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(\\s*([\\w.\"]+)\\s*\\)");
    private static final Pattern TIME_GROUP_ALIAS =
            Pattern.compile("\\$__timeGroupAlias\\(\\s*([\\w.\"]+)\\s*,\\s*([^)]+?)\\s*\\)");
    private static final Pattern TIME_GROUP =
            Pattern.compile("\\$__timeGroup\\(\\s*([\\w.\"]+)\\s*,\\s*([^)]+?)\\s*\\)");
    private static final Pattern ANY_MACRO = Pattern.compile("\\$__\\w+|\\$\\{?\\w+");

    private GrafanaSqlMacros() {}

    static String expand(String sql) {
        var expanded = TIME_FILTER.matcher(sql).replaceAll(m -> m.group(1) + " BETWEEN " + FROM + " AND " + TO);
        expanded =
                TIME_GROUP_ALIAS.matcher(expanded).replaceAll(m -> Matcher.quoteReplacement(group(m) + " AS \"time\""));
        expanded = TIME_GROUP.matcher(expanded).replaceAll(m -> Matcher.quoteReplacement(group(m)));
        expanded = expanded.replace("$__timeFrom()", FROM)
                .replace("$__timeTo()", TO)
                .replace("$__interval_ms", "60000")
                .replace("$__interval", "'1m'");
        var left = ANY_MACRO.matcher(expanded);
        if (left.find()) {
            throw new IllegalArgumentException("unknown Grafana macro or variable " + left.group() + " in: " + sql);
        }
        return expanded;
    }

    private static String group(MatchResult m) {
        var seconds = seconds(m.group(2));
        return "floor(extract(epoch from " + m.group(1) + ") / " + seconds + ") * " + seconds;
    }

    private static long seconds(String interval) {
        var value = interval.replace("'", "").trim();
        if (value.equals("$__interval")) {
            return 60;
        }
        var amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> amount;
            case 'm' -> amount * 60;
            case 'h' -> amount * 3600;
            case 'd' -> amount * 86400;
            default -> throw new IllegalArgumentException("interval " + interval);
        };
    }
}
