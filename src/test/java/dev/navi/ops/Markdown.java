package dev.navi.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Just enough Markdown: headings as GitHub anchors, table rows under a heading. */
final class Markdown {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$", Pattern.MULTILINE);

    private final String text;

    Markdown(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** GitHub's anchors: lower case, punctuation dropped, spaces to hyphens. */
    Set<String> anchors() {
        var anchors = new LinkedHashSet<String>();
        var headings = HEADING.matcher(text);
        while (headings.find()) {
            anchors.add(anchor(headings.group(1)));
        }
        return anchors;
    }

    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    /** The cells of the table rows (header and separator excluded) in the section under the heading. */
    List<List<String>> table(String heading) {
        var start = text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalArgumentException("no heading " + heading);
        }
        var rows = new ArrayList<List<String>>();
        var inTable = false;
        for (var line : text.substring(start + heading.length() + 2).split("\n")) {
            if (line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            if (inTable && !line.matches("^\\|[-| :]+\\|$")) {
                rows.add(cells(line));
            }
            inTable = true;
        }
        return rows;
    }

    private static List<String> cells(String line) {
        var cells = new ArrayList<String>();
        for (var cell : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")) {
            cells.add(cell.trim().replaceAll("^`|`$", ""));
        }
        return cells;
    }
}
