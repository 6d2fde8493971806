package dev.navi.tools.internal;

import dev.navi.tools.ToolBox;
import dev.navi.tools.ToolOutcome;
import dev.navi.tools.ToolSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The six workspace tools; every outcome, failures included, is text the model can act on, with paths relative to
 * the workspace: where the workspace lies on this machine is none of the model's business.
 */
@Component
class WorkspaceToolBox implements ToolBox {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceToolBox.class);

    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final int maxOutputBytes;

    WorkspaceToolBox(ToolsProperties properties, CommandSandbox sandbox) {
        this.maxOutputBytes = properties.maxOutputBytes();
        List.of(
                        new ListFilesTool(properties),
                        new ReadFileTool(properties),
                        new WriteFileTool(properties.maxFileBytes()),
                        new EditFileTool(properties.maxFileBytes()),
                        new SearchTool(properties),
                        new RunCommandTool(properties, sandbox))
                .forEach(tool -> tools.put(tool.name(), tool));
    }

    @Override
    public boolean changesFiles(String toolName) {
        var tool = tools.get(toolName);
        return tool != null && tool.changesFiles();
    }

    @Override
    public List<ToolSpec> specs() {
        return tools.values().stream().map(Tool::spec).toList();
    }

    @Override
    public ToolOutcome execute(Path workspaceRoot, String toolName, String argumentsJson) throws InterruptedException {
        long start = System.nanoTime();
        ToolResult result = run(workspaceRoot, toolName, argumentsJson);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        String output = OutputLimit.cap(WorkspacePaths.withoutRoot(result.output(), workspaceRoot), maxOutputBytes);
        return result.failed()
                ? new ToolOutcome.Failed(output, result.exitCode(), duration)
                : new ToolOutcome.Succeeded(output, result.exitCode(), duration);
    }

    private ToolResult run(Path workspaceRoot, String toolName, String argumentsJson) throws InterruptedException {
        Tool tool = tools.get(toolName);
        if (tool == null) {
            return ToolResult.failed(
                    "Unknown tool '" + toolName + "'. Available tools: " + String.join(", ", tools.keySet()) + ".");
        }
        try {
            return tool.run(WorkspacePaths.of(workspaceRoot), Arguments.parse(argumentsJson));
        } catch (ToolException e) {
            return ToolResult.failed(e.getMessage());
        } catch (ClosedByInterruptException e) {
            throw interrupted(e);
        } catch (IOException e) {
            return ToolResult.failed(toolName + " failed: " + describe(e));
        } catch (UncheckedIOException e) {
            return ToolResult.failed(toolName + " failed: " + describe(e.getCause()));
        } catch (RuntimeException e) {
            log.warn("Tool {} failed unexpectedly", toolName, e);
            return ToolResult.failed(toolName + " failed unexpectedly: " + e);
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static InterruptedException interrupted(ClosedByInterruptException cause) {
        InterruptedException interrupted = new InterruptedException("interrupted during file I/O");
        interrupted.initCause(cause);
        return interrupted;
    }
}
