package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** Without a JWT provider, the local admin token NAVI wrote under {@code navi.home} is the way in. */
@UsesAnthropicSim
class AdminTokenIT extends NaviIntegrationTest {

    @Test
    void whenNoJwtProviderIsConfiguredThenTheTokenFileIsOwnerOnly() throws IOException {
        var file = NaviHome.HOME.resolve("admin.token");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(adminToken()).startsWith("navi-admin-").hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void whenTheAdminTokenIsSentThenAdminRoutesAnswer() {
        for (var path : new String[] {"/api/v1/admin/api-keys", "/api/v1/errors", "/metrics", "/api/v1/tasks"}) {
            assertThat(get(path, "*/*").statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void whenAnotherTokenIsSentThen401() {
        var response = sendAsIs(HttpRequest.newBuilder(uri("/api/v1/tasks"))
                .header("Authorization", "Bearer " + adminToken() + "x")
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"navi\", error=\"invalid_token\"");
        assertThat(response.body()).doesNotContain(adminToken());
    }

    @Test
    void whenAJwtIsSentWithoutAProviderThen401() {
        var token = TestTokens.hs256("some-secret-of-at-least-32-bytes-long", "root", "acme", "admin");

        var response = sendAsIs(HttpRequest.newBuilder(uri("/api/v1/tasks"))
                .header("Authorization", "Bearer " + token)
                .build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void whenNoTokenIsSentThen401WithAChallenge() {
        var response = sendAsIs(HttpRequest.newBuilder(uri("/api/v1/tasks")).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"navi\"");
        assertThat(parse(response).get("type").asString()).isEqualTo("urn:navi:problem:unauthorized");
    }
}
