package dev.navi.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenFileTest {

    @TempDir
    Path home;

    @Test
    void whenThereIsNoFileThenATokenIsCreatedOwnerOnly() throws IOException {
        var file = home.resolve("nested/admin.token");

        var token = AdminTokenFile.load(file);

        assertThat(token).startsWith(AdminTokenFile.PREFIX).hasSize(AdminTokenFile.PREFIX.length() + 43);
        assertThat(Files.readString(file)).isEqualTo(token + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void whenTheFileExistsThenItsTokenIsReused() {
        var file = home.resolve("admin.token");

        var first = AdminTokenFile.load(file);

        assertThat(AdminTokenFile.load(file)).isEqualTo(first);
    }

    @Test
    void whenTheFileIsReadableByOthersThenItIsMadeOwnerOnly() throws IOException {
        var file = home.resolve("admin.token");
        var token = AdminTokenFile.load(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(AdminTokenFile.load(file)).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void whenTheFileHoldsNoTokenThenStartupFails() throws IOException {
        var file = home.resolve("admin.token");
        Files.writeString(file, "short\n");

        assertThatThrownBy(() -> AdminTokenFile.load(file)).hasMessageContaining("does not hold a token");
    }

    @Test
    void whenTokensAreCreatedThenTheyDiffer() {
        assertThat(AdminTokenFile.newToken()).isNotEqualTo(AdminTokenFile.newToken());
    }
}
