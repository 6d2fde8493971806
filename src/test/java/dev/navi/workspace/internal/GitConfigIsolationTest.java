package dev.navi.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitConfigIsolationTest {

    @TempDir
    Path home;

    private FS fs;

    @BeforeEach
    void plantUserConfig() throws Exception {
        Files.writeString(home.resolve(".gitconfig"), "[core]\n\tautocrlf = true\n[user]\n\tname = Planted\n");
        fs = FS.detect().setUserHome(home.toFile());
    }

    @Test
    void whenNotIsolatedThenJGitReadsTheUserConfig() throws Exception {
        FileBasedConfig config = hostReader().openUserConfig(null, fs);
        config.load();

        assertThat(config.getString("user", null, "name")).isEqualTo("Planted");
    }

    @Test
    void whenIsolatedThenTheUserConfigIsEmptyAndNeverOutdated() throws Exception {
        var isolated = new GitConfigIsolation(hostReader());

        FileBasedConfig config = isolated.openUserConfig(null, fs);
        config.load();

        assertThat(config.getString("user", null, "name")).isNull();
        assertThat(config.getBoolean("core", "autocrlf", false)).isFalse();
        assertThat(config.isOutdated()).isFalse();
    }

    @Test
    void whenIsolatedThenTheSystemAndJGitConfigsAreEmptyButKeepTheirParent() throws Exception {
        var isolated = new GitConfigIsolation(hostReader());
        var parent = new Config();
        parent.setString("core", null, "filemode", "false");

        FileBasedConfig system = isolated.openSystemConfig(parent, fs);
        system.load();
        FileBasedConfig jgit = isolated.openJGitConfig(null, fs);
        jgit.load();

        assertThat(system.getString("core", null, "filemode")).isEqualTo("false");
        assertThat(jgit.getSubsections("remote")).isEmpty();
    }

    @Test
    void whenInstalledThenItStaysInstalledOnce() {
        GitConfigIsolation.install();
        SystemReader first = SystemReader.getInstance();

        GitConfigIsolation.install();

        assertThat(GitConfigIsolation.installed()).isTrue();
        assertThat(SystemReader.getInstance()).isSameAs(first);
    }

    /** Another test of this JVM may have installed the isolation already. */
    private static SystemReader hostReader() {
        return SystemReader.getInstance() instanceof GitConfigIsolation isolation
                ? isolation.delegate()
                : SystemReader.getInstance();
    }
}
