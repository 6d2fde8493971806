package dev.navi.workspace.internal;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * NAVI's git work (baselines, diffs, checkpoints, clones) reads no user, XDG or system git
 * configuration: a host's {@code ~/.gitconfig} or {@code /etc/gitconfig} cannot change a task's
 * baseline or diff, and JGit no longer looks for those files (and fails to find them) each time it
 * opens a repository. A repository's own {@code .git/config} is still read.
 */
final class GitConfigIsolation extends SystemReader.Delegate {

    private final SystemReader delegate;

    GitConfigIsolation(SystemReader delegate) {
        super(delegate);
        this.delegate = delegate;
    }

    /** The reader JGit had before: with the host's configuration. */
    SystemReader delegate() {
        return delegate;
    }

    /** Installs the isolation for this process; idempotent. */
    static synchronized void install() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof GitConfigIsolation)) {
            SystemReader.setInstance(new GitConfigIsolation(current));
        }
    }

    static boolean installed() {
        return SystemReader.getInstance() instanceof GitConfigIsolation;
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
        return new EmptyConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return new EmptyConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
        return new EmptyConfig(parent, fs);
    }

    /** A configuration without a file: nothing to load, never outdated, nothing saved. */
    private static final class EmptyConfig extends FileBasedConfig {

        EmptyConfig(Config parent, FS fs) {
            super(parent, null, fs);
        }

        @Override
        public void load() {
            clear();
        }

        @Override
        public boolean isOutdated() {
            return false;
        }

        @Override
        public void save() {
            // no file behind it
        }
    }
}
