package dev.navi.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.navi.llm.LlmException;
import dev.navi.llm.LlmMessage;
import dev.navi.llm.LlmRequest;
import dev.navi.llm.ToolDefinition;
import dev.navi.llmsim.LlmSim;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Runs a wire client against a fresh llm-sim over real HTTP on 127.0.0.1. */
abstract class WireClientTestSupport {

    static final String MODEL = "sim-model";
    static final Duration FIRST_BYTE_TIMEOUT = Duration.ofSeconds(2);
    static final Duration IDLE_TIMEOUT = Duration.ofMillis(800);
    private static final AtomicInteger SCRIPTS = new AtomicInteger();

    @TempDir
    Path scriptsDir;

    LlmSim sim;
    CallWatchdog watchdog;

    abstract ProviderChoice.Protocol protocol();

    abstract String baseUrl();

    @BeforeEach
    void startSim() {
        sim = LlmSim.start(0, scriptsDir);
        watchdog = new CallWatchdog();
    }

    @AfterEach
    void stopSim() {
        watchdog.close();
        sim.close();
    }

    WireClient client(boolean stream) {
        return client(stream, baseUrl(), FIRST_BYTE_TIMEOUT, IDLE_TIMEOUT);
    }

    WireClient client(boolean stream, String baseUrl, Duration firstByteTimeout, Duration idleTimeout) {
        LlmProperties properties = new LlmProperties(
                protocol().name(),
                MODEL,
                baseUrl,
                "test-key",
                "test-key",
                stream,
                1024,
                Duration.ofSeconds(2),
                firstByteTimeout,
                idleTimeout,
                Map.of(MODEL, new LlmProperties.Price(new BigDecimal("3"), new BigDecimal("15"))),
                PropertyDefaults.RETRY,
                PropertyDefaults.CIRCUIT_BREAKER,
                PropertyDefaults.NO_FALLBACK,
                PropertyDefaults.NO_RATE_LIMIT);
        ProviderChoice.Configured provider = new ProviderChoice.Configured(protocol(), MODEL, baseUrl, "test-key");
        return WireClients.create(
                provider, properties, new PriceTable(properties.prices()), watchdog, Clock.systemUTC());
    }

    /** Registers a one-turn script and returns its name. */
    String script(String turnJson) {
        return scriptWithTurns(turnJson);
    }

    String scriptWithTurns(String... turnsJson) {
        String name = "script-" + SCRIPTS.incrementAndGet();
        String json = "{\"name\":\"%s\",\"turns\":[%s]}".formatted(name, String.join(",", turnsJson));
        HttpRequest post = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/scripts"))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot register a script with llm-sim", e);
        }
        return name;
    }

    static LlmRequest ask(String scriptName, LlmMessage... more) {
        List<LlmMessage> messages = new ArrayList<>();
        messages.add(new LlmMessage.User("[sim:" + scriptName + "] please help"));
        messages.addAll(List.of(more));
        ToolDefinition tool = new ToolDefinition(
                "read_file", "Reads a file", "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}");
        return new LlmRequest(MODEL, "You are a test.", messages, List.of(tool), 256);
    }

    static LlmException failure(ThrowingCallable call) {
        LlmException failure = catchThrowableOfType(LlmException.class, call);
        assertThat(failure).as("an LlmException").isNotNull();
        return failure;
    }
}
