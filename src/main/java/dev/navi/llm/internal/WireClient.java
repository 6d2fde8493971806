package dev.navi.llm.internal;

import dev.navi.llm.LlmRequest;
import dev.navi.llm.LlmResponse;

/** A client of one wire protocol. */
sealed interface WireClient permits AnthropicClient, OpenAiClient {

    /** Sends a request whose model and output limit are already resolved. */
    LlmResponse complete(LlmRequest request) throws InterruptedException;
}
