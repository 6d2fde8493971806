package dev.navi.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTest {

    @TempDir
    Path home;

    @Nested
    class BaseUrl {

        @Test
        void whenNothingIsGivenThenTheLocalDefaultIsUsed() {
            var connection = Connection.resolve(null, Map.of("NAVI_HOME", home.toString()));

            assertThat(connection.baseUrl()).hasToString(Connection.DEFAULT_BASE_URL);
        }

        @Test
        void whenNaviUrlIsSetThenItIsUsedWithoutItsTrailingSlashes() {
            var connection = Connection.resolve(
                    null, Map.of("NAVI_URL", "https://navi.example.com/base//", "NAVI_HOME", home.toString()));

            assertThat(connection.baseUrl()).hasToString("https://navi.example.com/base");
        }

        @Test
        void whenTheOptionIsGivenThenItWinsOverNaviUrl() {
            var connection = Connection.resolve(
                    "http://10.0.0.5:9000",
                    Map.of("NAVI_URL", "https://navi.example.com", "NAVI_HOME", home.toString()));

            assertThat(connection.baseUrl()).hasToString("http://10.0.0.5:9000");
        }

        @Test
        void whenTheUrlIsNotHttpThenItIsAUsageError() {
            assertThatThrownBy(() -> Connection.resolve("ftp://host", Map.of()))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("http:// or https://");
            assertThatThrownBy(() -> Connection.resolve("localhost:8787", Map.of()))
                    .isInstanceOf(UsageException.class);
            assertThatThrownBy(() -> Connection.resolve("http://bad host", Map.of()))
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("not a URL");
        }
    }

    @Nested
    class Token {

        @Test
        void whenNaviTokenIsSetThenItWinsOverTheTokenFile() throws Exception {
            Files.writeString(home.resolve("admin.token"), "from-file\n");

            var connection = Connection.resolve(null, Map.of("NAVI_TOKEN", " from-env ", "NAVI_HOME", home.toString()));

            assertThat(connection.token()).contains("from-env");
            assertThat(connection.tokenSource()).isEqualTo("NAVI_TOKEN");
        }

        @Test
        void whenOnlyTheTokenFileExistsThenItIsReadFromNaviHome() throws Exception {
            Files.writeString(home.resolve("admin.token"), "from-file\n");

            var connection = Connection.resolve(null, Map.of("NAVI_HOME", home.toString()));

            assertThat(connection.token()).contains("from-file");
            assertThat(connection.tokenSource())
                    .isEqualTo(home.resolve("admin.token").toString());
        }

        @Test
        void whenThereIsNoTokenAnywhereThenRequestsGoWithout() {
            var connection = Connection.resolve(null, Map.of("NAVI_HOME", home.toString(), "NAVI_TOKEN", " "));

            assertThat(connection.token()).isEmpty();
        }

        @Test
        void whenNaviHomeIsUnsetThenTheFileIsUnderTheUsersHome() {
            assertThat(Connection.tokenFile(Map.of()))
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".navi", "admin.token"));
        }
    }
}
