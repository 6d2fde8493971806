package dev.navi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's files keep to what its Content-Security-Policy allows (nothing inline, nothing from
 * elsewhere) and never parse API text as markup.
 */
class ConsoleAssetsTest {

    private static final Path STATIC = Path.of("src", "main", "resources", "static");

    private static List<Path> files(String extension) throws IOException {
        try (Stream<Path> paths = Files.walk(STATIC)) {
            return paths.filter(path -> path.toString().endsWith(extension)).toList();
        }
    }

    @Test
    void whenThePageIsReadThenEveryScriptAndStyleIsAFileOfNaviItself() throws IOException {
        var page = Files.readString(STATIC.resolve("index.html"));

        assertThat(page).containsPattern("<script type=\"module\" src=\"/console/app.js\"></script>");
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=\"/console/)");
        assertThat(page).doesNotContainPattern("<style|\\sstyle=|\\son[a-z]+=|javascript:|https?://");
    }

    @Test
    void whenTheModulesAreReadThenNoneParsesMarkupOrEvaluatesText() throws IOException {
        var modules = files(".js");

        assertThat(modules).isNotEmpty();
        for (var module : modules) {
            assertThat(Files.readString(module))
                    .as(module.toString())
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")
                    .doesNotContain("new Function", "setAttribute('style'")
                    .doesNotContainPattern("(from|import\\(|fetch\\()\\s*['\"`](https?:)?//");
        }
    }

    @Test
    void whenTheModulesAreReadThenTheyAreSmall() throws IOException {
        for (var module : files(".js")) {
            assertThat(Files.readAllLines(module)).as(module.toString()).hasSizeLessThan(200);
        }
    }

    @Test
    void whenTheStylesAreCountedThenThereIsOneStylesheet() throws IOException {
        assertThat(files(".css")).hasSize(1);
    }
}
