package dev.navi.cli.internal.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.UUID;

/**
 * The same model call two ways, alternated: the bench calls llm-sim itself (a streamed Anthropic
 * Messages request over HTTP/1.1 as NAVI sends it, timed from the send to its {@code message_stop}
 * event); and a one-turn task
 * whose {@code llm.response} {@code latencyMicros} is the same call as NAVI's LLM client timed it. The
 * difference is what NAVI's client layer (retries, circuit breaker, rate limiter, parsing) adds to one call.
 */
final class DirectCallPhase {

    private final Workload workload;
    private final Target target;
    private final HttpClient http = HttpClient.newHttpClient();

    DirectCallPhase(Workload workload, Target target) {
        this.workload = workload;
        this.target = target;
    }

    BenchResult.DirectCall run(int calls) throws IOException, InterruptedException {
        var direct = new ArrayList<Double>();
        var throughNavi = new ArrayList<Double>();
        for (var i = 0; i < calls; i++) {
            directCall(); // the bench's own client warms up too
        }
        for (var i = 0; i < calls; i++) {
            direct.add(directCall());
            throughNavi.addAll(workload.run(Workload.ONE_TURN, 2).times().llmLatencyMs());
        }
        var directSummary = Summary.of(direct);
        var naviSummary = Summary.of(throughNavi);
        return new BenchResult.DirectCall(
                calls,
                directSummary,
                naviSummary,
                naviSummary.p50() - directSummary.p50(),
                naviSummary.p99() - directSummary.p99());
    }

    private double directCall() throws IOException, InterruptedException {
        var body = """
                {"model": "claude-sim", "max_tokens": 8192, "stream": true,
                 "messages": [{"role": "user", "content": "[sim:%s] navi bench direct %s"}]}""".formatted(Workload.ONE_TURN, UUID.randomUUID());
        var request = HttpRequest.newBuilder(target.simUrl().resolve("/v1/messages"))
                .header("Content-Type", "application/json")
                .header("x-api-key", "sim")
                .header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        var begin = System.nanoTime();
        var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        var end = 0L;
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (end == 0 && line.contains("message_stop")) {
                    end = System.nanoTime(); // the reply is complete; what follows is the body's framing
                }
            }
        }
        var elapsed = ((end == 0 ? System.nanoTime() : end) - begin) / 1e6;
        if (response.statusCode() != 200) {
            throw new IOException("llm-sim answered " + response.statusCode() + " to the direct call");
        }
        return elapsed;
    }
}
