package dev.navi.observability;

import java.util.UUID;

/** No error event with that id; the web module answers it as a 404 problem. */
public class ErrorEventNotFoundException extends RuntimeException {

    public ErrorEventNotFoundException(UUID id) {
        super("No error event " + id);
    }
}
