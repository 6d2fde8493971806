package dev.navi.tools.internal;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.function.Predicate;
import java.util.regex.PatternSyntaxException;

/**
 * A glob as people write them for searches: without a slash it matches file names in any
 * directory ({@code *.java}); with one it matches the path below the search start, and a leading
 * {@code **}{@code /} also matches at the top level ({@code **}{@code /*.md} finds {@code README.md}).
 */
final class FileGlob implements Predicate<Path> {

    private final Path start;
    private final PathMatcher matcher;
    private final PathMatcher topLevelMatcher;
    private final boolean namesOnly;

    private FileGlob(Path start, String glob) {
        this.start = start;
        this.matcher = matcher(glob);
        this.topLevelMatcher = glob.startsWith("**/") ? matcher(glob.substring(3)) : null;
        this.namesOnly = !glob.contains("/");
    }

    static FileGlob of(String glob, Path start) {
        return new FileGlob(start, glob);
    }

    @Override
    public boolean test(Path file) {
        if (namesOnly) {
            return matcher.matches(file.getFileName());
        }
        Path relative = start.relativize(file);
        return matcher.matches(relative) || (topLevelMatcher != null && topLevelMatcher.matches(relative));
    }

    private static PathMatcher matcher(String glob) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            throw new ToolException("Field 'glob' is not a valid glob: " + e.getDescription() + ".");
        }
    }
}
