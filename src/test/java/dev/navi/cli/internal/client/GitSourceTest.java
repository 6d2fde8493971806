package dev.navi.cli.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GitSourceTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "https://github.com/acme/app.git@main, https://github.com/acme/app.git, main",
                "https://github.com/acme/app.git, https://github.com/acme/app.git, -",
                "git@github.com:acme/app.git, git@github.com:acme/app.git, -",
                "git@github.com:acme/app.git@v1.2, git@github.com:acme/app.git, v1.2",
                "https://user@host/repo.git, https://user@host/repo.git, -",
                "https://host/repo.git@, https://host/repo.git@, -"
            })
    void whenAGitSourceIsParsedThenTheRefIsWhatFollowsTheLastAtAfterThePath(String value, String url, String ref) {
        assertThat(GitSource.parse(value)).isEqualTo(new GitSource(url, ref));
    }
}
