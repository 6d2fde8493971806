package dev.navi.tools.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bwrap} command line that confines one command: the workspace copy is its only writable path, system
 * directories are read-only, secrets in {@code /etc} are hidden, {@code /tmp} and {@code /proc} are its own, it has
 * a PID namespace of its own (NAVI's processes are not visible) and dies with NAVI, the environment is cleared, and
 * without {@code network} it has no network at all.
 */
final class Bubblewrap {

    static final String PATH = "/usr/local/bin:/usr/bin:/bin";
    private static final List<String> SYSTEM_DIRECTORIES =
            List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/opt");
    private static final List<String> SECRET_FILES =
            List.of("/etc/shadow", "/etc/shadow-", "/etc/gshadow", "/etc/gshadow-", "/etc/sudoers");
    private static final List<String> SECRET_DIRECTORIES = List.of("/etc/ssl/private", "/etc/sudoers.d");

    private Bubblewrap() {}

    /** The arguments before the confined command, for a workspace at {@code workspace} (an absolute path). */
    static List<String> arguments(Path workspace, boolean network) {
        List<String> arguments = new ArrayList<>(List.of("bwrap", "--die-with-parent", "--unshare-all"));
        if (network) {
            arguments.add("--share-net");
        }
        SYSTEM_DIRECTORIES.forEach(directory -> system(arguments, Path.of(directory)));
        SECRET_FILES.stream()
                .filter(file -> Files.exists(Path.of(file), LinkOption.NOFOLLOW_LINKS))
                .forEach(file -> arguments.addAll(List.of("--ro-bind", "/dev/null", file)));
        SECRET_DIRECTORIES.stream()
                .filter(directory -> Files.isDirectory(Path.of(directory), LinkOption.NOFOLLOW_LINKS))
                .forEach(directory -> arguments.addAll(List.of("--tmpfs", directory)));
        String root = workspace.toString();
        arguments.addAll(List.of(
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--tmpfs",
                "/tmp",
                "--tmpfs",
                "/var/tmp",
                "--bind",
                root,
                root,
                "--chdir",
                root,
                "--clearenv",
                "--setenv",
                "PATH",
                PATH,
                "--setenv",
                "HOME",
                root,
                "--setenv",
                "LANG",
                "C.UTF-8",
                "--setenv",
                "TERM",
                "dumb",
                "--"));
        return arguments;
    }

    /** A merged-/usr link ({@code /bin -> usr/bin}) stays a link; a real directory is bound read-only. */
    private static void system(List<String> arguments, Path directory) {
        if (Files.isSymbolicLink(directory)) {
            try {
                arguments.addAll(
                        List.of("--symlink", Files.readSymbolicLink(directory).toString(), directory.toString()));
            } catch (IOException e) {
                // unreadable link: leave it out, as if it were missing
            }
        } else if (Files.isDirectory(directory)) {
            arguments.addAll(List.of("--ro-bind", directory.toString(), directory.toString()));
        }
    }
}
