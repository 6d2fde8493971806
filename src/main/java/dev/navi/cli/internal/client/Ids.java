package dev.navi.cli.internal.client;

import dev.navi.cli.internal.UsageException;
import java.util.UUID;

/** Task and approval ids are UUIDs: anything else is a usage error, never part of a request path. */
final class Ids {

    private Ids() {}

    static String task(String id) {
        return uuid("task id", id);
    }

    static String approval(String id) {
        return uuid("approval id", id);
    }

    private static String uuid(String what, String id) {
        try {
            return UUID.fromString(id.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + " '" + id + "' is not a UUID");
        }
    }
}
