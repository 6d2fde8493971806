package dev.navi.workspace.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A git repository kept beside a task's copy, whose work tree is the copy: its one commit is the
 * copy as prepared, so the copy's own {@code .git} (if any) is never touched. After it is recorded,
 * nothing writes to it: diffs only read it (see {@link TaskDiffs}).
 */
final class Baseline {

    private static final PersonIdent NAVI = new PersonIdent("NAVI", "navi@localhost");
    private static final String BRANCH = "baseline";
    private static final Duration TICK = Duration.ofMillis(20);

    private Baseline() {}

    /**
     * Commits every file of {@code work} that its {@code .gitignore} files do not exclude. The baseline
     * is created bare and opened with {@code work} as its work tree, so no {@code .git} link file is
     * written into the copy (it would reveal a host path and clash with a workspace's own {@code .git}).
     * {@code git add} writes the index as it always did, but every object goes into one pack, written
     * once, rather than into a compressed file of its own; the layout JGit's init wrote the first time
     * is written again rather than initialised anew.
     *
     * @param newest the latest modification time in {@code work}
     */
    static void record(Path work, Path gitDirectory, Instant newest) throws GitAPIException, IOException {
        create(gitDirectory);
        settle(newest);
        try (OnePack repository = new OnePack(work, gitDirectory);
                Git git = new Git(repository)) {
            DirCache index = git.add().addFilepattern(".").call();
            ObjectId tree = index.writeTree(repository.pack);
            ObjectId commit = repository.pack.insert(commit(tree));
            repository.pack.flush();
            Files.writeString(gitDirectory.resolve("refs/heads/" + BRANCH), commit.name() + "\n");
        }
    }

    /** What JGit's init wrote the first time, on this file system: written again, it is the same. */
    private static volatile Template template;

    private record Template(List<String> directories, Map<String, byte[]> files) {}

    private static void create(Path gitDirectory) throws GitAPIException, IOException {
        Template laidOut = template;
        if (laidOut == null) {
            Git.init()
                    .setBare(true)
                    .setGitDir(gitDirectory.toFile())
                    .setInitialBranch(BRANCH)
                    .call()
                    .close();
            template = templateOf(gitDirectory);
            return;
        }
        for (String directory : laidOut.directories()) {
            Files.createDirectories(gitDirectory.resolve(directory));
        }
        for (Map.Entry<String, byte[]> file : laidOut.files().entrySet()) {
            Files.write(gitDirectory.resolve(file.getKey()), file.getValue());
        }
    }

    private static Template templateOf(Path gitDirectory) throws IOException {
        List<String> directories = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(gitDirectory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                String name = gitDirectory.relativize(path).toString();
                if (Files.isRegularFile(path)) {
                    files.put(name, Files.readAllBytes(path));
                } else if (!name.isEmpty() && directories.stream().noneMatch(inside -> inside.startsWith(name + "/"))) {
                    directories.add(name);
                }
            }
        }
        return new Template(List.copyOf(directories), Map.copyOf(files));
    }

    /**
     * Waits, when a file of the copy was modified within a tick of the clock file times come from (a
     * coarse one, up to 10 ms on Linux), until it has passed: the index would otherwise record the file
     * as racily clean (see DirCache), and every diff would read it again, or note it as left out when it
     * is larger than navi.workspace.max-diff-file-size.
     */
    private static void settle(Instant newest) throws InterruptedIOException {
        long wait = Duration.between(Instant.now(), newest.plus(TICK)).toMillis();
        if (wait <= 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(wait, TICK.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while recording the baseline");
        }
    }

    private static CommitBuilder commit(ObjectId tree) {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setAuthor(NAVI);
        commit.setCommitter(NAVI);
        commit.setMessage("baseline");
        return commit;
    }

    /** The baseline repository while it is recorded: whatever is inserted goes into one pack. */
    private static final class OnePack extends FileRepository {

        private final PackInserter pack;

        OnePack(Path work, Path gitDirectory) throws IOException {
            super(new FileRepositoryBuilder()
                    .setGitDir(gitDirectory.toFile())
                    .setWorkTree(work.toFile())
                    .setMustExist(true)
                    .setup());
            pack = getObjectDatabase().newPackInserter();
            pack.checkExisting(false);
            pack.setCompressionLevel(Deflater.BEST_SPEED);
        }

        @Override
        public ObjectInserter newObjectInserter() {
            return new ObjectInserter.Filter() {
                @Override
                protected ObjectInserter delegate() {
                    return pack;
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
        }

        @Override
        public void close() {
            pack.close();
            super.close();
        }
    }
}
