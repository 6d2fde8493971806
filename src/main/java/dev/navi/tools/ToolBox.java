package dev.navi.tools;

import java.nio.file.Path;
import java.util.List;

/** The set of tools offered to the model and their execution inside one workspace. */
public interface ToolBox {

    List<ToolSpec> specs();

    /** Whether a call of this tool can change the workspace's files; false for an unknown tool. */
    boolean changesFiles(String toolName);

    /**
     * Runs one tool call in {@code workspaceRoot}. Never throws for bad input: unknown tools, invalid
     * JSON, missing fields and confinement violations come back as {@link ToolOutcome.Failed}.
     *
     * @throws InterruptedException when the task is cancelled; a running command's process tree is
     *     killed before this returns
     */
    ToolOutcome execute(Path workspaceRoot, String toolName, String argumentsJson) throws InterruptedException;
}
