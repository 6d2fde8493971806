package dev.navi.agent.internal;

import dev.navi.tools.ToolBox;
import dev.navi.tools.ToolOutcome;
import dev.navi.tools.ToolSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Tools as a tool round sees them: {@code read_file} is read-only, every other tool can change files. */
final class RoundTools implements ToolBox {

    private final Consumer<String> onRun;

    /** @param onRun hears each tool's name as it runs */
    RoundTools(Consumer<String> onRun) {
        this.onRun = onRun;
    }

    @Override
    public List<ToolSpec> specs() {
        return List.of();
    }

    @Override
    public boolean changesFiles(String toolName) {
        return !toolName.equals("read_file");
    }

    @Override
    public ToolOutcome execute(Path workspaceRoot, String toolName, String argumentsJson) {
        onRun.accept(toolName);
        return new ToolOutcome.Succeeded("ran " + toolName, 0, Duration.ofMillis(1));
    }
}
