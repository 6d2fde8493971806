package dev.navi.tools.internal;

import static org.assertj.core.api.Assertions.fail;

/** Sandboxes for tests: the real bubblewrap, which must be installed (CI installs it), or none. */
final class Sandboxes {

    private Sandboxes() {}

    /** Fails, never skips, when bubblewrap does not work here. */
    static CommandSandbox bubblewrap(ToolsProperties properties) {
        CommandSandbox sandbox = CommandSandbox.probed(
                ToolSettings.sandboxed(properties, SandboxMode.REQUIRED, properties.sandboxNetwork()));
        if (!sandbox.available()) {
            return fail("bubblewrap does not work here ("
                    + sandbox.unavailableReason().orElseThrow() + "). It comes"
                    + " with Debian's bubblewrap package, which .ci/run installs (apt-get install bubblewrap); install"
                    + " it the same way to run these tests.");
        }
        return sandbox;
    }

    static CommandSandbox bubblewrap() {
        return bubblewrap(ToolSettings.defaults());
    }

    static CommandSandbox none() {
        return CommandSandbox.probed(ToolSettings.sandboxed(ToolSettings.defaults(), SandboxMode.OFF, false));
    }
}
