package dev.navi.llmsim.internal;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A vendor's wire format: how requests read and how replies and errors are written. */
sealed interface Protocol permits AnthropicProtocol, OpenAiProtocol {

    /** Prefix of this vendor's tool call ids, e.g. {@code toolu_}. */
    String toolCallIdPrefix();

    /** Prefix of this vendor's message ids, e.g. {@code msg_}. */
    String messageIdPrefix();

    /** Response header carrying the request id. */
    String requestIdHeader();

    ParsedRequest parseRequest(JsonNode body, int bodyChars);

    /** The non-streaming response body. */
    String replyJson(Reply reply);

    /** The streaming response as SSE frames, each one stream chunk ending with a blank line. */
    List<String> replyFrames(Reply reply);

    /** The error for a status fault: the vendor's default for the status, adjusted by the fault's overrides. */
    VendorError statusError(Fault.Status fault);

    /** The error for a mid-stream error fault. */
    VendorError streamError(Fault.StreamError fault);

    /** A 400 invalid request error. */
    VendorError invalidRequest(String message);

    String errorJson(VendorError error);

    /** The error as a stream chunk. */
    String errorFrame(VendorError error);
}
