package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    private static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    @TempDir
    Path temp;

    private Path work;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectories(temp.resolve("work"));
        write("README.md", "# Project\n");
        write("src/App.java", "class App {}\n");
        write("empty.txt", "");
        Files.write(work.resolve("logo.bin"), new byte[] {0, 1, 2, (byte) 0xff, 0});
        write("run.sh", "#!/bin/sh\necho run\n");
        Files.setPosixFilePermissions(work.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(work.resolve("docs"), Path.of("src"));
        write(".gitignore", "build/\n*.log\n");
        write("build/out.class", "compiled\n");
        write("src/debug.log", "noise\n");
        write("src/.gitignore", "generated.txt\n");
        write("src/generated.txt", "generated\n");
        try (Git own = Git.init().setDirectory(work.toFile()).call()) {
            own.add().addFilepattern("README.md").call();
            own.commit().setMessage("own").setSign(false).call();
        }
        Path nested = Files.createDirectories(work.resolve("vendor/lib"));
        try (Git lib = Git.init().setDirectory(nested.toFile()).call()) {
            Files.writeString(nested.resolve("lib.txt"), "lib\n");
            lib.add().addFilepattern(".").call();
            lib.commit().setMessage("lib").setSign(false).call();
        }
    }

    private void write(String path, String content) throws IOException {
        Path file = work.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void whenRecordedThenItsTreeIsTheOneGitAddAndCommitGiveSoEarlierCheckpointsStillApply() throws Exception {
        Baseline.record(work, temp.resolve("baseline.git"), Instant.now());
        addAndCommit(work, temp.resolve("reference.git"));

        assertThat(tree(temp.resolve("baseline.git"))).isEqualTo(tree(temp.resolve("reference.git")));
        assertThat(paths(temp.resolve("baseline.git")))
                .containsExactly(
                        ".gitignore",
                        "README.md",
                        "docs",
                        "empty.txt",
                        "logo.bin",
                        "run.sh",
                        "src/.gitignore",
                        "src/App.java",
                        "vendor/lib");
    }

    @Test
    void whenRecordedThenEveryObjectIsInOnePackAndTheCopyIsUntouched() throws Exception {
        String copyBefore = TreeSnapshot.of(work);

        Baseline.record(work, temp.resolve("baseline.git"), Instant.now());

        Path objects = temp.resolve("baseline.git/objects");
        try (Stream<Path> entries = Files.list(objects)) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("info", "pack");
        }
        try (Stream<Path> packs = Files.list(objects.resolve("pack"))) {
            assertThat(packs.map(path -> path.getFileName().toString().replaceAll("[0-9a-f]{40}", "ID")))
                    .containsExactlyInAnyOrder("pack-ID.pack", "pack-ID.idx");
        }
        assertThat(TreeSnapshot.of(work)).isEqualTo(copyBefore);
    }

    @Test
    void whenRecordedAgainThenTheRepositoryIsLaidOutAsJGitInitLaysItOut() throws Exception {
        Baseline.record(work, temp.resolve("first.git"), Instant.now());
        Baseline.record(work, temp.resolve("second.git"), Instant.now());
        Git.init()
                .setBare(true)
                .setGitDir(temp.resolve("init.git").toFile())
                .setInitialBranch("baseline")
                .call()
                .close();

        assertThat(layout(temp.resolve("second.git"))).isEqualTo(layout(temp.resolve("init.git")));
        assertThat(temp.resolve("second.git/config")).hasSameTextualContentAs(temp.resolve("init.git/config"));
        assertThat(temp.resolve("second.git/HEAD")).hasSameTextualContentAs(temp.resolve("init.git/HEAD"));
        assertThat(tree(temp.resolve("second.git"))).isEqualTo(tree(temp.resolve("first.git")));
    }

    @Test
    void whenTheCopyIsEmptyThenTheBaselineIsTheEmptyTree() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        Baseline.record(empty, temp.resolve("baseline.git"), Instant.EPOCH);

        try (Repository repository = open(empty, temp.resolve("baseline.git"))) {
            assertThat(repository.resolve(Constants.HEAD + "^{tree}")).isEqualTo(ObjectId.fromString(EMPTY_TREE));
        }
    }

    @Test
    void whenAFileWasJustWrittenThenTheIndexStillTrustsItsSizeAndTime() throws Exception {
        write("fresh.txt", "fresh content\n");
        Instant written = Files.getLastModifiedTime(work.resolve("fresh.txt")).toInstant();

        Baseline.record(work, temp.resolve("baseline.git"), written);

        DirCacheEntry entry = DirCache.read(temp.resolve("baseline.git/index").toFile(), FS.DETECTED)
                .getEntry("fresh.txt");
        assertThat(entry.isSmudged()).isFalse();
        assertThat(entry.getLength()).isEqualTo(14);
    }

    /** The baseline as it was recorded before it was written as one pack. */
    private static void addAndCommit(Path work, Path gitDirectory) throws Exception {
        Git.init()
                .setBare(true)
                .setGitDir(gitDirectory.toFile())
                .setInitialBranch("baseline")
                .call()
                .close();
        try (Repository repository = open(work, gitDirectory);
                Git git = new Git(repository)) {
            git.add().addFilepattern(".").call();
            PersonIdent navi = new PersonIdent("NAVI", "navi@localhost");
            git.commit()
                    .setMessage("baseline")
                    .setAuthor(navi)
                    .setCommitter(navi)
                    .setSign(false)
                    .setNoVerify(true)
                    .setAllowEmpty(true)
                    .call();
        }
    }

    private ObjectId tree(Path gitDirectory) throws IOException {
        try (Repository repository = open(work, gitDirectory)) {
            return repository.resolve(Constants.HEAD + "^{tree}");
        }
    }

    private List<String> paths(Path gitDirectory) throws IOException {
        List<String> paths = new ArrayList<>();
        try (Repository repository = open(work, gitDirectory);
                TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(repository.resolve(Constants.HEAD + "^{tree}"));
            walk.setRecursive(true);
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        return paths;
    }

    /** Directories and the files outside {@code objects}, beside the index git add writes. */
    private static List<String> layout(Path gitDirectory) throws IOException {
        try (Stream<Path> paths = Files.walk(gitDirectory)) {
            return paths.map(path -> gitDirectory.relativize(path).toString())
                    .filter(path -> !path.startsWith("objects/pack/") && !path.equals("index"))
                    .filter(path -> !path.startsWith("refs/heads/"))
                    .sorted()
                    .toList();
        }
    }

    private static Repository open(Path work, Path gitDirectory) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(gitDirectory.toFile())
                .setWorkTree(work.toFile())
                .setMustExist(true)
                .build();
    }
}
