package dev.navi.tools.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The live processes of one session, read from {@code /proc}. A process that double-forked away from
 * its parent keeps the session of the command that started it, unless it called {@code setsid} itself.
 */
final class SessionMembers {

    private static final Path PROC = Path.of("/proc");
    private static final int STATE = 0;
    private static final int SESSION = 3;

    private SessionMembers() {}

    /** Processes of the session that are still running (zombies are already dead, waiting to be reaped). */
    static List<ProcessHandle> of(long session) {
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(pid -> isRunningIn(pid, session))
                    .mapToObj(ProcessHandle::of)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static OptionalLong sessionOf(long pid) {
        String[] fields = statFields(pid);
        return fields.length > SESSION ? OptionalLong.of(Long.parseLong(fields[SESSION])) : OptionalLong.empty();
    }

    private static boolean isRunningIn(long pid, long session) {
        String[] fields = statFields(pid);
        return fields.length > SESSION
                && !fields[STATE].equals("Z")
                && !fields[STATE].equals("X")
                && Long.parseLong(fields[SESSION]) == session;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name, which may hold spaces and parentheses. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }
}
