package dev.navi;

import dev.navi.llmsim.LlmSim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** One llm-sim per test JVM, replaying the scripts in {@code src/test/resources/scripts}. */
final class TestLlmSim {

    static final LlmSim SIM = LlmSim.start(0, scripts());

    private TestLlmSim() {}

    private static Path scripts() {
        try {
            var url = TestLlmSim.class.getResource("/scripts/create-file.json");
            return Path.of(new URI(url.toString())).getParent();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
