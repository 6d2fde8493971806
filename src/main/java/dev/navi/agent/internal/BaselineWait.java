package dev.navi.agent.internal;

/**
 * Waits until the task's copy may be changed: its baseline, recorded while the first model call and any
 * read-only calls run, is complete ({@link dev.navi.workspace.Workspaces#awaitBaseline}).
 */
@FunctionalInterface
interface BaselineWait {

    void await() throws InterruptedException;
}
