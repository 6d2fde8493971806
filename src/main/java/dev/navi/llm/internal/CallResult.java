package dev.navi.llm.internal;

import dev.navi.llm.LlmResponse;
import java.time.Duration;

/** A reply with the timing of the exchange that brought it. */
record CallResult(ParsedReply reply, Duration latency, Duration timeToFirstToken) {

    LlmResponse toResponse(PriceTable prices, String model) {
        return new LlmResponse(
                reply.text(),
                reply.toolCalls(),
                prices.usage(model, reply.inputTokens(), reply.outputTokens()),
                reply.stopReason(),
                latency,
                timeToFirstToken);
    }
}
