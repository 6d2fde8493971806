package dev.navi.llm.internal;

import java.util.Optional;

/** Builds one reply from the events of a streamed response, in the order they arrive. */
interface StreamAssembler {

    /**
     * Takes the next event.
     *
     * @return the error the event reports, if it is an error event
     * @throws tools.jackson.core.JacksonException when the event's data is not JSON
     */
    Optional<VendorError> accept(SseEvent event);

    /** True once text or a tool call has arrived. */
    boolean hasContent();

    /** True once the final event has arrived: nothing more is to be read. */
    boolean finished();

    /** True when the stream may end here without having been cut short. */
    boolean complete();

    ParsedReply reply();
}
