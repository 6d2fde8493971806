package dev.navi.llmsim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ScriptLibraryTest {

    @Test
    void whenBundledExamplesAreLoadedThenDefaultReadsAFileThenAnswers() {
        ScriptLibrary examples =
                ScriptLibrary.bundledExamples(JsonMapper.builder().build());

        assertThat(examples.all()).extracting(Script::name).containsExactly("create-file", "default");
        Script defaultScript = examples.find("default").orElseThrow();
        assertThat(defaultScript.turns().getFirst().toolCalls())
                .extracting(ScriptedToolCall::name)
                .containsExactly("read_file");
        assertThat(defaultScript.turns().getLast().text()).isNotBlank();
        assertThat(examples.find("create-file").orElseThrow().turns()).hasSize(3);
    }

    @Test
    void whenTheRepositoryExamplesAreLoadedThenTheWalkthroughTakesLongEnoughToFollowLive() {
        ScriptLibrary examples = ScriptLibrary.fromDirectory(
                Path.of("examples/llm-sim"), JsonMapper.builder().build());

        assertThat(examples.all()).extracting(Script::name).contains("default", "create-file", "walkthrough");
        Script walkthrough = examples.find("walkthrough").orElseThrow();
        assertThat(walkthrough.turns())
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(turn -> assertThat(turn.delayMs()).isGreaterThanOrEqualTo(1000));
        assertThat(walkthrough.turns().getLast().toolCalls()).isEmpty();
    }
}
