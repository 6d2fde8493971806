package dev.navi.cli.internal.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code navi approve ID APPROVAL}: decides a tool call the task waits on; the task goes back to the queue. */
@Command(name = "approve", description = "Approve a tool call a task waits on.")
public final class ApproveCommand implements Callable<Integer> {

    @Mixin
    Decide decision;

    @Override
    public Integer call() {
        return decision.decide("approve");
    }
}
