package dev.navi.llmsim.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A vendor endpoint: picks the script and turn for a request, counts the attempt, logs it and serves it. */
final class ApiHandler implements HttpHandler {

    private final String path;
    private final Protocol protocol;
    private final SimState state;
    private final JsonMapper mapper;

    ApiHandler(String path, Protocol protocol, SimState state, JsonMapper mapper) {
        this.path = path;
        this.protocol = protocol;
        this.state = state;
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders()
                .set(
                        protocol.requestIdHeader(),
                        "req_" + UUID.randomUUID().toString().replace("-", ""));
        ResponseWriter writer = new ResponseWriter(exchange);
        if (!exchange.getRequestURI().getPath().equals(path)) {
            sendStatus(writer, 404);
        } else if (!exchange.getRequestMethod().equals("POST")) {
            sendStatus(writer, 405);
        } else {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            handleRequest(writer, body);
        }
    }

    private void handleRequest(ResponseWriter writer, String body) throws IOException {
        ParsedRequest request;
        try {
            request = protocol.parseRequest(readJson(body), body.length());
        } catch (SimRequestException e) {
            log(null, null, null, null, null, e.getMessage());
            sendInvalid(writer, e.getMessage());
            return;
        }
        String scriptName = request.scriptName();
        int turnIndex = request.assistantMessages();
        Optional<String> problem = Optional.empty();
        Optional<Script> script = state.scripts().find(scriptName);
        if (script.isEmpty()) {
            problem = Optional.of("no script named '" + scriptName + "' (choose one with [sim:NAME] in the first user"
                    + " message; without it the script named 'default' is used)");
        } else if (turnIndex >= script.get().turns().size()) {
            problem = Optional.of(
                    "script '" + scriptName + "' has " + script.get().turns().size()
                            + " turns, but the request has " + turnIndex + " assistant messages and so asks for turn "
                            + turnIndex + " (0-based)");
        }
        if (problem.isPresent()) {
            log(request, scriptName, turnIndex, null, null, problem.get());
            sendInvalid(writer, problem.get());
            return;
        }
        Turn turn = script.get().turns().get(turnIndex);
        int attempt =
                state.attempts().next(new AttemptCounters.Key(path, scriptName, turnIndex, request.conversation()));
        Optional<Fault> fault = turn.faultForAttempt(attempt);
        log(request, scriptName, turnIndex, attempt, fault.map(Fault::describe).orElse(null), null);
        Reply reply = ReplyFactory.reply(protocol, request, turn, turnIndex);
        new TurnServer(protocol, mapper, writer).serve(request, turn, reply, fault);
    }

    private JsonNode readJson(String body) {
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw new SimRequestException("request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void log(ParsedRequest request, String script, Integer turn, Integer attempt, String fault, String error) {
        state.requests()
                .add(new RequestLog.Entry(
                        Instant.now(),
                        path,
                        request == null ? null : request.model(),
                        request == null ? null : request.stream(),
                        script,
                        turn,
                        attempt,
                        fault,
                        error));
    }

    private void sendInvalid(ResponseWriter writer, String message) throws IOException {
        writer.json(400, Map.of(), protocol.errorJson(protocol.invalidRequest("llm-sim: " + message)));
    }

    private void sendStatus(ResponseWriter writer, int status) throws IOException {
        var fault = new Fault.Status(
                status, Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1);
        writer.json(status, Map.of(), protocol.errorJson(protocol.statusError(fault)));
    }
}
