package dev.navi.cli.internal.client;

import dev.navi.cli.internal.EventStream;

/** Shows a task's stream: for a person, or one JSON event per line for a machine. */
sealed interface Renderer extends EventStream.Listener permits HumanRenderer, JsonRenderer {

    /** Once a second on a terminal: the elapsed time moves on. */
    default void tick() {}

    /** A notice on stderr that does not tear the status line apart. */
    void notice(String message);

    /** The stream is over: leave the output in its final state. */
    void finish();
}
