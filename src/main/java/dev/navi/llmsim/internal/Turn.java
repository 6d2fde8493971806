package dev.navi.llmsim.internal;

import java.util.List;
import java.util.Optional;

/**
 * One scripted assistant reply and how to serve it.
 *
 * @param usage token counts to report; empty means "estimate from the request and reply sizes"
 * @param delayMs wait before the first byte of the reply
 * @param chunkDelayMs wait between two stream chunks
 * @param chunkChars size of the pieces text and tool arguments are streamed in
 * @param faults served, in order, on the first attempts of this turn
 */
record Turn(
        String text,
        List<ScriptedToolCall> toolCalls,
        Optional<TokenCounts> usage,
        long delayMs,
        long chunkDelayMs,
        int chunkChars,
        List<Fault> faults) {

    static final int DEFAULT_CHUNK_CHARS = 8;

    Turn {
        toolCalls = List.copyOf(toolCalls);
        faults = List.copyOf(faults);
    }

    /** The fault to serve on the given 1-based attempt, or empty when this attempt succeeds. */
    Optional<Fault> faultForAttempt(int attempt) {
        int remaining = attempt;
        for (Fault fault : faults) {
            if (fault.times() == Fault.FOREVER || remaining <= fault.times()) {
                return Optional.of(fault);
            }
            remaining -= fault.times();
        }
        return Optional.empty();
    }
}
