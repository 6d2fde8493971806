package dev.navi.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySourceTest {

    @TempDir
    Path home;

    private AuditProperties properties(String key) {
        return new AuditProperties(key, "k1", Map.of(), home.resolve("audit.key"), 50, 500);
    }

    @Test
    void whenNoKeyIsConfiguredThenOneIsGeneratedPrivatelyAndReused() throws Exception {
        var first = KeySource.load(properties(null), false);
        var file = home.resolve("audit.key");

        var second = KeySource.load(properties(null), false);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(second.current().mac().getEncoded())
                .isEqualTo(first.current().mac().getEncoded());
        try (var files = Files.list(home)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void whenUnderProductionWithoutAKeyThenStartingIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> KeySource.load(properties(""), true)).hasMessageContaining("NAVI_AUDIT_KEY");
        assertThat(home.resolve("audit.key")).doesNotExist();
    }

    @Test
    void whenAKeyIsConfiguredThenTheFileIsNotUsed() {
        var keys = KeySource.load(properties(ChainVerifierTest.KEY), true);

        assertThat(keys.current().id()).isEqualTo("k1");
        assertThat(home.resolve("audit.key")).doesNotExist();
    }
}
