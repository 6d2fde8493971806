package dev.navi.tools.internal;

/** Whether {@code run_command} runs inside bubblewrap ({@code navi.tools.sandbox}). */
enum SandboxMode {
    /** Commands run only inside the sandbox; without it {@code run_command} is refused. */
    REQUIRED,
    /** The sandbox when it works here, the bare shell (with a loud warning) when it does not. */
    AUTO,
    /** No sandbox, by explicit choice (with a loud warning). */
    OFF
}
