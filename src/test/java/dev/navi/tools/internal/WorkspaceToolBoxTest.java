package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.navi.tools.ToolOutcome;
import dev.navi.tools.ToolSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WorkspaceToolBoxTest {

    @TempDir
    Path root;

    private ToolCalls tools;

    @BeforeEach
    void setUp() throws Exception {
        tools = new ToolCalls(root);
        Files.writeString(root.resolve("a.txt"), "alpha\n");
    }

    private ToolOutcome execute(String tool, String arguments) throws InterruptedException {
        return tools.toolBox().execute(root, tool, arguments);
    }

    @Nested
    class Specs {

        @Test
        void whenListedThenSixToolsWithObjectSchemasAreOffered() {
            List<ToolSpec> specs = tools.toolBox().specs();

            assertThat(specs)
                    .extracting(ToolSpec::name)
                    .containsExactly("list_files", "read_file", "write_file", "edit_file", "search", "run_command");
            assertThat(specs).allSatisfy(spec -> {
                assertThat(spec.description()).hasSizeGreaterThan(40);
                JsonNode schema = JsonMapper.shared().readTree(spec.parametersSchemaJson());
                assertThat(schema.get("type").stringValue()).isEqualTo("object");
                assertThat(schema.get("properties").isObject()).isTrue();
            });
        }

        @Test
        void whenAskedWhichToolsChangeFilesThenWritesEditsAndCommandsOnly() {
            var toolBox = tools.toolBox();

            assertThat(List.of("write_file", "edit_file", "run_command")).allMatch(toolBox::changesFiles);
            assertThat(List.of("read_file", "list_files", "search", "no_such_tool"))
                    .noneMatch(toolBox::changesFiles);
        }

        @Test
        void whenSchemaOfEditFileThenAllThreeFieldsAreRequired() {
            ToolSpec edit = tools.toolBox().specs().stream()
                    .filter(spec -> spec.name().equals("edit_file"))
                    .findFirst()
                    .orElseThrow();

            JsonNode required =
                    JsonMapper.shared().readTree(edit.parametersSchemaJson()).get("required");

            assertThat(required.valueStream().map(JsonNode::stringValue))
                    .containsExactly("path", "old_text", "new_text");
        }
    }

    @Nested
    class BadCalls {

        @Test
        void whenToolIsUnknownThenFailedNamesTheAvailableTools() throws Exception {
            ToolOutcome outcome = execute("delete_everything", "{}");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("Unknown tool 'delete_everything'", "read_file", "run_command");
        }

        @Test
        void whenArgumentsAreNotJsonThenFailedSaysSo() throws Exception {
            ToolOutcome outcome = execute("read_file", "{\"path\": ");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("not valid JSON");
        }

        @Test
        void whenArgumentsAreNotAnObjectThenFailedSaysSo() throws Exception {
            ToolOutcome outcome = execute("read_file", "[\"a.txt\"]");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("must be a JSON object", "array");
        }

        @Test
        void whenRequiredFieldIsMissingThenFailedNamesIt() throws Exception {
            ToolOutcome outcome = execute("read_file", "{}");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("Missing required field 'path'");
        }

        @Test
        void whenRequiredFieldIsNullThenItCountsAsMissing() throws Exception {
            ToolOutcome outcome = execute("read_file", "{\"path\": null}");

            assertThat(outcome.output()).contains("Missing required field 'path'");
        }

        @Test
        void whenStringFieldHasWrongTypeThenFailedSaysWhichTypeWasExpected() throws Exception {
            ToolOutcome outcome = execute("read_file", "{\"path\": 42}");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("Field 'path' must be a string", "number");
        }

        @Test
        void whenIntegerFieldIsAStringThenFailed() throws Exception {
            ToolOutcome outcome = execute("list_files", "{\"depth\": \"3\"}");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).contains("Field 'depth' must be an integer");
        }

        @Test
        void whenIntegerFieldIsFractionalThenFailed() throws Exception {
            ToolOutcome outcome = execute("list_files", "{\"depth\": 1.5}");

            assertThat(outcome.output()).contains("Field 'depth' must be an integer");
        }

        @Test
        void whenAnIoErrorOccursThenFailedWithoutTheMachinePath() throws Exception {
            ToolOutcome outcome = execute("write_file", "{\"path\": \"a.txt/x.txt\", \"content\": \"y\"}");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output())
                    .startsWith("write_file failed: ")
                    .contains("a.txt")
                    .doesNotContain(root.toString());
        }

        @Test
        void whenWorkspaceRootDoesNotExistThenFailedInsteadOfThrowing() throws Exception {
            ToolOutcome outcome = tools.toolBox().execute(root.resolve("missing"), "list_files", "{}");

            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(outcome.output()).doesNotContain(root.toString());
        }
    }

    @Nested
    class Paths {

        @Test
        void whenACommandPrintsTheWorkspacePathThenTheModelSeesItRelative() {
            ToolOutcome outcome =
                    tools.call("run_command", "command", "pwd; echo \"$PWD/src/A.java\"; ls \"$PWD/missing\"");

            assertThat(outcome.output())
                    .doesNotContain(root.toString())
                    .contains("\n.\nsrc/A.java\n")
                    .contains("'missing'");
        }

        @Test
        void whenTheWorkspaceIsReachedThroughASymbolicLinkThenNeitherPathIsShown(@TempDir Path elsewhere)
                throws Exception {
            Path link = Files.createSymbolicLink(elsewhere.resolve("link"), root);

            ToolOutcome outcome =
                    new ToolCalls(link).call("run_command", "command", "pwd -L; pwd -P; ls -d \"$PWD\"/*");

            assertThat(outcome.output())
                    .doesNotContain(root.toString())
                    .doesNotContain(link.toString())
                    .contains("\n.\n.\na.txt");
        }

        @Test
        void whenAFileToolFailsOnAMissingFileThenTheMessageNamesTheRelativePath() {
            ToolOutcome outcome = tools.call("read_file", "path", "src/missing.txt");

            assertThat(outcome.output()).contains("'src/missing.txt'").doesNotContain(root.toString());
        }
    }

    @Nested
    class Outcomes {

        @Test
        void whenArgumentsAreBlankThenToolsWithoutRequiredFieldsRun() throws Exception {
            ToolOutcome outcome = execute("list_files", "");

            assertThat(outcome).isInstanceOf(ToolOutcome.Succeeded.class);
            assertThat(outcome.output()).isEqualTo("a.txt");
            assertThat(ToolCalls.exitCode(outcome)).isNull();
            assertThat(outcome.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
        }

        @Test
        void whenOutputIsLargerThanTheCapThenItIsTruncatedWithANote() throws Exception {
            ToolCalls small = new ToolCalls(
                    root, ToolSettings.limits(Duration.ofSeconds(5), Duration.ofSeconds(10), 1000, 200, 1000, 2000));
            Files.writeString(root.resolve("big.txt"), "x".repeat(200) + "\n" + "y".repeat(5000) + "\n");

            ToolOutcome outcome = small.call("read_file", "path", "big.txt");

            assertThat(outcome.output().getBytes()).hasSizeLessThanOrEqualTo(1000);
            assertThat(outcome.output()).contains("xxxx", "[output truncated: showing the first");
        }
    }
}
