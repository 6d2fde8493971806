package dev.navi.tools.internal;

/** The largest file a tool may write ({@code navi.tools.max-file-bytes}). */
final class FileSizeLimit {

    private FileSizeLimit() {}

    static void require(long bytes, long maxFileBytes, String path) {
        if (bytes > maxFileBytes) {
            throw new ToolException("'" + path + "' would hold " + bytes + " bytes, more than the " + maxFileBytes
                    + " bytes a file may have; nothing was written. Write smaller files.");
        }
    }

    /**
     * The shell command, prefixed so that its processes cannot write a file past the limit (POSIX
     * {@code ulimit -f} counts 512-byte blocks; a process that tries gets SIGXFSZ, exit code 153).
     */
    static String limited(String command, long maxFileBytes) {
        return "ulimit -f " + Math.max(1, maxFileBytes / 512) + "; " + command;
    }
}
