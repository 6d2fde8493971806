package dev.navi.workspace.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A git repository kept beside a task's copy, whose work tree is the copy: its one commit is the
 * copy as prepared, so the copy's own {@code .git} (if any) is never touched. After it is recorded,
 * nothing writes to it: diffs only read it (see {@link TaskDiffs}).
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

    private static Repository open(Path work, Path gitDirectory) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(gitDirectory.toFile())
                .setWorkTree(work.toFile())
                .setMustExist(true)
                .build();
    }
}
