package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.workspace.GitApply;
import dev.navi.workspace.WorkspaceSource.LocalPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff, applied with the real {@code git apply} to a fresh copy of the source, gives the task's copy. */
class ApplicableDiffTest {

    private static final byte[] PYC = {(byte) 0xcb, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 1, 2, 3, (byte) 0xff, 0, 'x'};
    private static final Predicate<String> IGNORED = path -> path.startsWith("build/") || path.endsWith(".log");

    @TempDir
    Path temp;

    private Path source;
    private Path work;
    private TaskWorkspaces workspaces;
    private final UUID taskId = UUID.randomUUID();

    @BeforeEach
    void setUp() throws Exception {
        Path root = Files.createDirectories(temp.resolve("workspaces").resolve(TestSettings.TENANT));
        source = Files.createDirectories(root.resolve("project"));
        Files.writeString(source.resolve(".gitignore"), "build/\n*.log\n");
        Files.writeString(source.resolve("main.py"), "print('hi')\n");
        Files.writeString(source.resolve("no-newline.txt"), "last line");
        Files.write(source.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Files.write(source.resolve("old.bin"), new byte[] {0, 1, 2, 3});
        Files.writeString(source.resolve("run.sh"), "#!/bin/sh\n");
        Files.writeString(source.resolve("gone.txt"), "bye\n");
        workspaces = TestSettings.of(root.getParent(), temp.resolve("tasks")).workspaces();
        work = TestSettings.prepared(workspaces, taskId, new LocalPath("project"));
    }

    @Test
    void whenTextBinaryModeAndIgnoredChangesAreMadeThenGitApplyOnAFreshCopyGivesTheSameFiles() throws Exception {
        Files.createDirectories(work.resolve("__pycache__"));
        Files.write(work.resolve("__pycache__/main.cpython-312.pyc"), PYC);
        Files.writeString(work.resolve("main.py"), "print('hello')\nprint('again')\n");
        Files.writeString(work.resolve("no-newline.txt"), "last line, still no newline");
        Files.write(work.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 2, 3});
        Files.delete(work.resolve("old.bin"));
        Files.delete(work.resolve("gone.txt"));
        Files.write(work.resolve("latin1.txt"), "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(work.resolve("empty.txt"), "");
        Files.setPosixFilePermissions(work.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(work.resolve("link"), Path.of("main.py"));
        Files.createDirectories(work.resolve("build"));
        Files.write(work.resolve("build/out.o"), PYC);
        Files.writeString(work.resolve("trace.log"), "noise\n");

        String diff = workspaces.diff(taskId);
        Path fresh = temp.resolve("fresh");
        GitApply.toFreshCopy(source, diff, fresh);

        assertThat(diff)
                .contains("GIT binary patch", "new mode 100755")
                .doesNotContain("Binary files differ", "build/out.o", "trace.log");
        assertThat(GitApply.files(fresh, IGNORED)).isEqualTo(GitApply.files(work, IGNORED));
        assertThat(fresh.resolve("build")).doesNotExist();
    }

    @Test
    void whenOnlyBinaryFilesChangeThenTheFinalDiffAppliesToo() throws Exception {
        Files.write(work.resolve("tool.pyc"), PYC);
        Files.write(work.resolve("old.bin"), new byte[] {3, 2, 1, 0, 9});

        Path fresh = temp.resolve("fresh");
        GitApply.toFreshCopy(source, workspaces.finalDiff(taskId), fresh);

        assertThat(Files.readAllBytes(fresh.resolve("tool.pyc"))).isEqualTo(PYC);
        assertThat(Files.readAllBytes(fresh.resolve("old.bin"))).containsExactly(3, 2, 1, 0, 9);
    }
}
