package dev.navi.cli.internal.client;

import dev.navi.cli.internal.CliEnvironment;
import dev.navi.cli.internal.NaviClient;
import dev.navi.cli.internal.StreamEvent;

/** {@code --json}: each stored event's JSON (with {@code seq} and {@code type}) on a line of its own. */
final class JsonRenderer implements Renderer {

    private final CliEnvironment io;

    JsonRenderer(CliEnvironment io) {
        this.io = io;
    }

    @Override
    public synchronized void onEvent(StreamEvent event) {
        var line = event.data().isObject()
                ? event.data().deepCopy()
                : NaviClient.json().createObjectNode();
        if (line instanceof tools.jackson.databind.node.ObjectNode object) {
            if (!object.has("seq")) {
                object.put("seq", event.seq());
            }
            if (!object.has("type")) {
                object.put("type", event.type());
            }
        }
        io.out().println(NaviClient.json().writeValueAsString(line));
        io.out().flush();
    }

    @Override
    public synchronized void notice(String message) {
        io.err().println("navi: " + message);
    }

    @Override
    public void finish() {
        io.out().flush();
    }
}
