package dev.navi.tools.internal;

import dev.navi.tools.ToolSpec;
import java.io.IOException;

/** One tool: its description for the model and how it runs inside a workspace. */
interface Tool {

    ToolSpec spec();

    /**
     * @throws ToolException when the call cannot be carried out for a reason the model can fix
     */
    ToolResult run(WorkspacePaths workspace, Arguments arguments) throws IOException, InterruptedException;

    default String name() {
        return spec().name();
    }

    /** Whether a call can add to or change the files of the workspace. */
    default boolean changesFiles() {
        return false;
    }
}
