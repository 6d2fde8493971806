package dev.navi.workspace.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * A git repository kept beside a task's copy, whose work tree is the copy: its one commit is the
 * copy as prepared, so the copy's own {@code .git} (if any) is never touched.
 */
final class Baseline {

    private static final PersonIdent NAVI = new PersonIdent("NAVI", "navi@localhost");

    private Baseline() {}

    /**
     * Commits every file of {@code work} that its {@code .gitignore} files do not exclude. The baseline
     * is created bare and opened with {@code work} as its work tree, so no {@code .git} link file is
     * written into the copy (it would reveal a host path and clash with a workspace's own {@code .git}).
     */
    static void record(Path work, Path gitDirectory) throws GitAPIException, IOException {
        Git.init()
                .setBare(true)
                .setGitDir(gitDirectory.toFile())
                .setInitialBranch("baseline")
                .call()
                .close();
        try (Repository repository = open(work, gitDirectory);
                Git git = new Git(repository)) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setMessage("baseline")
                    .setAuthor(NAVI)
                    .setCommitter(NAVI)
                    .setSign(false)
                    .setNoVerify(true)
                    .setAllowEmpty(true)
                    .call();
        }
    }

    /** Stages all changes of {@code work} and formats them against the baseline commit. */
    static String diff(Path work, Path gitDirectory, long maxBytes) throws IOException, GitAPIException {
        try (Repository repository = open(work, gitDirectory);
                Git git = new Git(repository)) {
            git.add().addFilepattern(".").setAll(true).call();
            return format(repository, maxBytes);
        }
    }

    private static Repository open(Path work, Path gitDirectory) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(gitDirectory.toFile())
                .setWorkTree(work.toFile())
                .setMustExist(true)
                .build();
    }

    private static String format(Repository repository, long maxBytes) throws IOException {
        ObjectId baselineTree = repository.resolve("HEAD^{tree}");
        CappedOutputStream out = new CappedOutputStream(maxBytes);
        try (ObjectReader reader = repository.newObjectReader();
                DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.setRepository(repository);
            formatter.format(
                    new CanonicalTreeParser(null, reader, baselineTree),
                    new DirCacheIterator(repository.readDirCache()));
            formatter.flush();
        }
        return out.text();
    }
}
