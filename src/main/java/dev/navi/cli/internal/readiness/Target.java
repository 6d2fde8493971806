package dev.navi.cli.internal.readiness;

import java.net.URI;
import java.util.Optional;

/**
 * The deployment under review: its API, its management port (probes and {@code /metrics}; the API's
 * own port when it has none), the Prometheus that scrapes it if given, and llm-sim if it runs on one.
 */
record Target(URI api, URI management, Optional<URI> prometheus, Optional<URI> llmSim) {

    URI api(String path) {
        return URI.create(api + path);
    }

    URI management(String path) {
        return URI.create(management + path);
    }
}
