package dev.navi.llmsim.internal;

import java.util.List;

/** A named list of assistant turns; turn {@code i} answers a request that already holds {@code i} assistant messages. */
record Script(String name, List<Turn> turns) {

    Script {
        turns = List.copyOf(turns);
    }
}
