package dev.navi.cli.internal.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

/**
 * The same non-streaming Anthropic call, alternated: direct to llm-sim, and through a gateway in front
 * of it (Portkey's: {@code x-portkey-provider: anthropic}, {@code x-portkey-custom-host: <llm-sim>/v1}),
 * each timed by the bench from the send to the last byte of the answer. The difference is what the
 * gateway adds to one call.
 */
final class PeerPhase {

    private final URI gateway;
    private final URI sim;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    PeerPhase(URI gateway, URI sim) {
        this.gateway = gateway;
        this.sim = sim;
    }

    /** {@code calls} unmeasured calls each way first, then {@code calls} measured each, alternated. */
    BenchResult.Peer run(int calls, Double naviPerStepP50, Double naviEndToEndP50)
            throws IOException, InterruptedException {
        for (var i = 0; i < calls; i++) {
            call(false);
            call(true);
        }
        var direct = new ArrayList<Double>();
        var through = new ArrayList<Double>();
        for (var i = 0; i < calls; i++) {
            direct.add(call(false));
            through.add(call(true));
        }
        var directSummary = Summary.of(direct);
        var gatewaySummary = Summary.of(through);
        var addedP50 = gatewaySummary.p50() - directSummary.p50();
        return new BenchResult.Peer(
                gateway.toString(),
                null,
                calls,
                directSummary,
                gatewaySummary,
                addedP50,
                gatewaySummary.p99() - directSummary.p99(),
                naviPerStepP50,
                ratio(naviPerStepP50, addedP50),
                naviEndToEndP50,
                ratio(naviEndToEndP50, addedP50));
    }

    /** NAVI's time per step over the gateway's per call; none when the gateway added nothing measurable. */
    static Double ratio(Double naviPerStep, double gatewayAdded) {
        return naviPerStep == null || gatewayAdded <= 0 ? null : naviPerStep / gatewayAdded;
    }

    private double call(boolean throughGateway) throws IOException, InterruptedException {
        var body = """
                {"model": "claude-sim", "max_tokens": 1024,
                 "messages": [{"role": "user", "content": "[sim:%s] navi bench peer %s"}]}""".formatted(Workload.ONE_TURN, UUID.randomUUID());
        var builder = HttpRequest.newBuilder((throughGateway ? gateway : sim).resolve("/v1/messages"))
                .header("Content-Type", "application/json")
                .header("x-api-key", "sim")
                .header("anthropic-version", "2023-06-01")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (throughGateway) {
            builder.header("x-portkey-provider", "anthropic")
                    .header("x-portkey-custom-host", sim.resolve("/v1").toString());
        }
        var begin = System.nanoTime();
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        var elapsed = (System.nanoTime() - begin) / 1e6;
        if (response.statusCode() != 200 || !response.body().contains("\"content\"")) {
            var answer = response.body();
            throw new IOException((throughGateway ? "the gateway " + gateway : "llm-sim") + " answered "
                    + response.statusCode() + ": " + answer.substring(0, Math.min(200, answer.length())));
        }
        return elapsed;
    }
}
