package dev.navi.cli.internal.readiness;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads: what remains once strings, matchers, ranges, functions and keywords are gone. */
public final class PromQl {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPINGS =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern FUNCTION_CALLS = Pattern.compile("\\b[a-zA-Z_][a-zA-Z0-9_]*\\s*\\(");
    private static final Pattern IDENTIFIERS = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan",
            "Inf",
            "NaN");

    private PromQl() {}

    public static Set<String> metricNames(String promQl) {
        var rest = STRINGS.matcher(promQl).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = GROUPINGS.matcher(rest).replaceAll(" ");
        rest = FUNCTION_CALLS.matcher(rest).replaceAll("(");
        var names = new TreeSet<String>();
        var identifiers = IDENTIFIERS.matcher(rest);
        while (identifiers.find()) {
            if (!KEYWORDS.contains(identifiers.group())) {
                names.add(identifiers.group());
            }
        }
        return names;
    }
}
