package dev.navi.llm.internal;

import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.TokenUsage;
import dev.navi.llm.ToolCall;
import dev.navi.llm.ToolDefinition;

/**
 * The most one call can consume. Input tokens are estimated on the high side from the request's
 * characters (one token per three characters, plus a per-message overhead); output is the call's
 * output limit. Priced with the price table.
 */
final class WorstCase {

    static final int CHARS_PER_TOKEN = 3;
    static final int TOKENS_PER_MESSAGE = 8;

    private final PriceTable prices;

    WorstCase(PriceTable prices) {
        this.prices = prices;
    }

    /** {@code request} must have its model and output limit resolved. */
    TokenUsage of(LlmRequest request) {
        return prices.usage(request.model(), inputTokens(request), request.maxOutputTokens());
    }

    static long inputTokens(LlmRequest request) {
        long chars = length(request.system());
        for (LlmMessage message : request.messages()) {
            chars += chars(message);
        }
        for (ToolDefinition tool : request.tools()) {
            chars += length(tool.name()) + length(tool.description()) + length(tool.parametersSchemaJson());
        }
        long messages = request.messages().size() + 1L;
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + messages * TOKENS_PER_MESSAGE;
    }

    private static long chars(LlmMessage message) {
        return switch (message) {
            case LlmMessage.User user -> length(user.text());
            case LlmMessage.Assistant assistant ->
                length(assistant.text())
                        + assistant.toolCalls().stream()
                                .mapToLong(WorstCase::chars)
                                .sum();
            case LlmMessage.ToolResults results ->
                results.results().stream()
                        .mapToLong(result -> length(result.toolCallId()) + length(result.content()))
                        .sum();
        };
    }

    private static long chars(ToolCall call) {
        return length(call.id()) + length(call.name()) + length(call.argumentsJson());
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
