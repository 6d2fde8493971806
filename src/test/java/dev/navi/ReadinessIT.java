package dev.navi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * When PostgreSQL stops answering: ready turns 503 (the load balancer stops sending traffic), live stays
 * 200 (no restart loop), and API calls get a 503 problem with Retry-After rather than a 500.
 */
@TestPropertySource(properties = {"navi.database.connection-timeout=1s", "navi.agent.worker-enabled=false"})
@DirtiesContext
class ReadinessIT extends NaviIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void whenTheDatabaseStopsThenReadyIsUnavailableAndLiveStaysUp() throws Exception {
        assertThat(get("/health/ready", "application/json").statusCode()).isEqualTo(200);

        ((AutoCloseable) context.getBean("embeddedServer")).close();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> get("/health/ready", "application/json").statusCode() == 503);
        assertThat(get("/health/live", "application/json").statusCode()).isEqualTo(200);
        var problem = get("/api/v1/tasks", "application/json");
        assertThat(problem.statusCode()).isEqualTo(503);
        assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(parse(problem).get("type").asString()).isEqualTo("urn:navi:problem:database-unavailable");

        var submit = post(
                "/api/v1/tasks",
                "{\"prompt\": \"[sim:default] outage\", \"workspace\": {\"path\": \""
                        + NaviHome.workspace("readiness", "a.txt", "a") + "\"}}");
        assertThat(submit.statusCode()).as(submit.body()).isEqualTo(503);
        assertThat(submit.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(parse(submit).get("type").asString()).isEqualTo("urn:navi:problem:database-unavailable");
    }
}
