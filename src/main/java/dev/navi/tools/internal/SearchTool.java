package dev.navi.tools.internal;

import dev.navi.tools.ToolSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code search}: lines matching a regular expression in the workspace's text files. */
final class SearchTool implements Tool {

    private static final int MAX_LINE_CHARS = 300;

    private final int maxResults;

    SearchTool(ToolsProperties properties) {
        this.maxResults = properties.maxSearchResults();
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec(
                "search",
                "Search the text files of the workspace for lines matching a Java regular expression. "
                        + "Results are 'file:line: text', files in name order; binary files and .git are skipped. "
                        + "At most " + maxResults + " matching lines are returned.",
                ParametersSchema.object()
                        .requiredString("pattern", "Java regular expression, matched against each line (find).")
                        .optionalString(
                                "path",
                                "File or directory to search, relative to the workspace root. " + "Default: '.'.")
                        .optionalString(
                                "glob",
                                "Only search files matching this glob, e.g. '*.java' (file name) "
                                        + "or 'src/**/*.md' (path relative to 'path').")
                        .json());
    }

    @Override
    public ToolResult run(WorkspacePaths workspace, Arguments arguments) throws IOException {
        String regex = arguments.requiredString("pattern");
        Pattern pattern = compile(regex);
        String path = arguments.string("path", ".");
        Path start = workspace.existing(path);
        Predicate<Path> selected = arguments
                .optionalString("glob")
                .<Predicate<Path>>map(glob -> FileGlob.of(glob, start))
                .orElse(file -> true);
        List<String> results = new ArrayList<>();
        boolean complete = Files.isDirectory(start)
                ? WorkspaceTree.walk(
                        start,
                        Integer.MAX_VALUE,
                        (file, attributes) -> !searchable(attributes)
                                || !selected.test(file)
                                || search(file, pattern, workspace, results))
                : search(start, pattern, workspace, results);
        return ToolResult.succeeded(format(regex, results, complete));
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ToolException("Field 'pattern' is not a valid Java regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + " of '" + regex + "'.");
        }
    }

    private static boolean searchable(BasicFileAttributes attributes) {
        return attributes.isRegularFile();
    }

    /** @return false once the result cap is reached */
    private boolean search(Path file, Pattern pattern, WorkspacePaths workspace, List<String> results)
            throws IOException {
        if (TextFiles.isBinary(file)) {
            return true;
        }
        String name = workspace.relative(file);
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (pattern.matcher(line).find()) {
                    if (results.size() == maxResults) {
                        return false;
                    }
                    results.add(name + ":" + number + ": " + abbreviate(line));
                }
            }
        }
        return true;
    }

    private String format(String pattern, List<String> results, boolean complete) {
        if (results.isEmpty()) {
            return "No matches for '" + pattern + "'.";
        }
        String listing = String.join("\n", results);
        return complete
                ? listing
                : listing + "\n[stopped after " + maxResults
                        + " matches; narrow the pattern, path or glob to see the rest]";
    }

    private static String abbreviate(String line) {
        return line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS) + " [...]";
    }
}
