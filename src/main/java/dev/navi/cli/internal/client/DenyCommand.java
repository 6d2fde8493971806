package dev.navi.cli.internal.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code navi deny ID APPROVAL}: decides a tool call the task waits on; the task goes back to the queue. */
@Command(name = "deny", description = "Deny a tool call a task waits on.")
public final class DenyCommand implements Callable<Integer> {

    @Mixin
    Decide decision;

    @Override
    public Integer call() {
        return decision.decide("deny");
    }
}
