package dev.navi.llmsim.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Serves one attempt at a turn: the reply, or the fault scheduled for this attempt. */
final class TurnServer {

    private final Protocol protocol;
    private final JsonMapper mapper;
    private final ResponseWriter writer;

    TurnServer(Protocol protocol, JsonMapper mapper, ResponseWriter writer) {
        this.protocol = protocol;
        this.mapper = mapper;
        this.writer = writer;
    }

    void serve(ParsedRequest request, Turn turn, Reply reply, Optional<Fault> fault) throws IOException {
        if (fault.isEmpty()) {
            serveReply(request, turn, reply);
            return;
        }
        switch (fault.get()) {
            case Fault.Status status -> serveStatus(status);
            case Fault.Hang hang -> writer.hang(hang.millis());
            case Fault.Cut cut -> serveCut(request, turn, reply, cut);
            case Fault.StreamError error -> serveStreamError(request, turn, reply, error);
        }
    }

    private void serveReply(ParsedRequest request, Turn turn, Reply reply) throws IOException {
        ResponseWriter.pause(turn.delayMs());
        if (request.stream()) {
            writer.stream(protocol.replyFrames(reply), turn.chunkDelayMs());
        } else {
            writer.json(200, Map.of(), protocol.replyJson(reply));
        }
    }

    private void serveStatus(Fault.Status status) throws IOException {
        String body =
                status.body().map(this::verbatim).orElseGet(() -> protocol.errorJson(protocol.statusError(status)));
        writer.json(status.status(), status.headers(), body);
    }

    /** A JSON string body is sent as its bare text (e.g. an HTML error page), anything else as JSON. */
    private String verbatim(JsonNode body) {
        return body.isString() ? body.stringValue() : mapper.writeValueAsString(body);
    }

    private void serveCut(ParsedRequest request, Turn turn, Reply reply, Fault.Cut cut) throws IOException {
        ResponseWriter.pause(turn.delayMs());
        if (request.stream()) {
            writer.streamThenCut(protocol.replyFrames(reply), cut.afterChunks(), turn.chunkDelayMs());
        } else {
            writer.partialJson(protocol.replyJson(reply));
        }
    }

    private void serveStreamError(ParsedRequest request, Turn turn, Reply reply, Fault.StreamError fault)
            throws IOException {
        VendorError error = protocol.streamError(fault);
        if (!request.stream()) {
            writer.json(error.status(), Map.of(), protocol.errorJson(error));
            return;
        }
        ResponseWriter.pause(turn.delayMs());
        List<String> frames = protocol.replyFrames(reply);
        List<String> sent = new ArrayList<>(frames.subList(0, Math.min(fault.afterChunks(), frames.size())));
        sent.add(protocol.errorFrame(error));
        writer.stream(sent, turn.chunkDelayMs());
    }
}
