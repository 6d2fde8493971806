package dev.navi.llmsim.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code /_sim} endpoints: the requests log and run-time scripts. */
final class AdminHandler implements HttpHandler {

    static final String REQUESTS = "/_sim/requests";
    static final String SCRIPTS = "/_sim/scripts";

    private final SimState state;
    private final JsonMapper mapper;

    AdminHandler(SimState state, JsonMapper mapper) {
        this.state = state;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ResponseWriter writer = new ResponseWriter(exchange);
        String route =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        switch (route) {
            case "GET " + REQUESTS -> writer.json(200, Map.of(), mapper.writeValueAsString(requests()));
            case "DELETE " + REQUESTS -> clear(exchange);
            case "GET " + SCRIPTS -> writer.json(200, Map.of(), mapper.writeValueAsString(scripts()));
            case "POST " + SCRIPTS -> addScript(exchange, writer);
            default -> writer.json(404, Map.of(), problem("llm-sim has no endpoint " + route));
        }
    }

    private ArrayNode requests() {
        return mapper.valueToTree(state.requests().entries());
    }

    private void clear(HttpExchange exchange) throws IOException {
        state.requests().clear();
        state.attempts().clear();
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private ArrayNode scripts() {
        ArrayNode array = mapper.createArrayNode();
        for (Script script : state.scripts().all()) {
            array.addObject()
                    .put("name", script.name())
                    .put("turns", script.turns().size());
        }
        return array;
    }

    private void addScript(HttpExchange exchange, ResponseWriter writer) throws IOException {
        String json = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            Script script = state.scripts().add(json, Optional.empty());
            ObjectNode added = mapper.createObjectNode()
                    .put("name", script.name())
                    .put("turns", script.turns().size());
            writer.json(200, Map.of(), mapper.writeValueAsString(added));
        } catch (InvalidScriptException e) {
            writer.json(400, Map.of(), problem("invalid script: " + e.getMessage()));
        }
    }

    private String problem(String message) {
        return mapper.writeValueAsString(mapper.createObjectNode().put("error", message));
    }
}
