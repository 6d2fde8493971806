package dev.navi.cli.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerThreadsTest {

    @TempDir
    Path tasks;

    @Nested
    class Reading {

        @Test
        void whenAProcessHasCompilerAndOtherThreadsThenOnlyTheCompilersAreRead() throws IOException {
            thread(11, "C2 CompilerThre", "4500000000 12 34");
            thread(12, "C1 CompilerThre", "700000000 5 6");
            thread(13, "tomcat-handler-", "9900000000 1 1");

            assertThat(CompilerThreads.read(tasks))
                    .contains(new CompilerThreads(Map.of(11L, 4_500_000_000L, 12L, 700_000_000L)));
        }

        @Test
        void whenAThreadHasNoSchedstatThenItIsLeftOut() throws IOException {
            thread(11, "C2 CompilerThre", "100 1 1");
            Files.createDirectories(tasks.resolve("12"));
            Files.writeString(tasks.resolve("12/comm"), "C2 CompilerThre\n");

            assertThat(CompilerThreads.read(tasks)).contains(new CompilerThreads(Map.of(11L, 100L)));
        }

        @Test
        void whenThereIsNoTaskDirectoryThenNothingIsKnown() {
            assertThat(CompilerThreads.read(tasks.resolve("missing"))).isEmpty();
        }

        @Test
        void whenThisJvmIsReadThenItHasCompilerThreads() {
            var own = CompilerThreads.of(ProcessHandle.current().pid());

            assertThat(own)
                    .hasValueSatisfying(threads -> assertThat(threads.cpuNanosByThread())
                            .isNotEmpty()
                            .allSatisfy((tid, nanos) -> assertThat(nanos).isPositive()));
        }
    }

    @Nested
    class Growth {

        @Test
        void whenThreadsGrewStartedOrStoppedThenTheGrowthOfTheLiveOnesIsCounted() {
            var before = new CompilerThreads(Map.of(1L, 1_000L, 2L, 5_000L));
            var after = new CompilerThreads(Map.of(1L, 4_000L, 3L, 700L));

            assertThat(after.since(before)).isEqualTo(3_000L + 700L);
        }
    }

    private void thread(long tid, String name, String schedstat) throws IOException {
        var task = Files.createDirectories(tasks.resolve(Long.toString(tid)));
        Files.writeString(task.resolve("comm"), name + "\n");
        Files.writeString(task.resolve("schedstat"), schedstat + "\n");
    }
}
