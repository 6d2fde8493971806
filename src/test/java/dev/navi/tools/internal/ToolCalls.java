package dev.navi.tools.internal;

import dev.navi.tools.ToolOutcome;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Calls the tool box as the agent does: tool name plus arguments as JSON text. */
final class ToolCalls {

    private final WorkspaceToolBox toolBox;
    private final Path root;

    ToolCalls(Path root) {
        this(root, ToolSettings.defaults());
    }

    ToolCalls(Path root, ToolsProperties properties) {
        this(root, properties, Sandboxes.bubblewrap(properties));
    }

    ToolCalls(Path root, ToolsProperties properties, CommandSandbox sandbox) {
        this.toolBox = new WorkspaceToolBox(properties, sandbox);
        this.root = root;
    }

    WorkspaceToolBox toolBox() {
        return toolBox;
    }

    ToolOutcome call(String tool, Object... namesAndValues) {
        try {
            return toolBox.execute(root, tool, json(namesAndValues));
        } catch (InterruptedException e) {
            throw new AssertionError("unexpected interruption", e);
        }
    }

    static Integer exitCode(ToolOutcome outcome) {
        return switch (outcome) {
            case ToolOutcome.Succeeded succeeded -> succeeded.exitCode();
            case ToolOutcome.Failed failed -> failed.exitCode();
        };
    }

    static String json(Object... namesAndValues) {
        ObjectNode object = JsonMapper.shared().createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.set((String) namesAndValues[i], JsonMapper.shared().valueToTree(namesAndValues[i + 1]));
        }
        return object.toString();
    }
}
