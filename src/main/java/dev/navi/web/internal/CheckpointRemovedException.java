package dev.navi.web.internal;

import java.util.UUID;

/** The checkpoint a {@code diff?at=} asks for was removed after {@code navi.workspace.retention}. */
final class CheckpointRemovedException extends RuntimeException {

    CheckpointRemovedException(UUID id, long seq) {
        super("The workspace checkpoint of task " + id + " as of seq " + seq
                + " was removed after navi.workspace.retention; the final diff is still served without at.");
    }
}
