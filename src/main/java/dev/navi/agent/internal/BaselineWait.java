package dev.navi.agent.internal;

/**
 * Waits until the task's copy may be changed: its baseline, recorded when first asked for, is complete
 * ({@link dev.navi.workspace.Workspaces#awaitBaseline}).
 */
@FunctionalInterface
interface BaselineWait {

    void await() throws InterruptedException;
}
