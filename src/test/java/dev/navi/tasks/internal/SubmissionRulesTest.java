package dev.navi.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.navi.tasks.InvalidTaskException;
import dev.navi.tasks.NewTask;
import dev.navi.workspace.WorkspaceSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubmissionRulesTest {

    private static TasksProperties properties(List<String> allowedModels) {
        return new TasksProperties(
                30,
                200,
                Duration.ofHours(1),
                Duration.ofHours(1),
                2_000_000,
                20_000_000,
                new BigDecimal("5.00"),
                new BigDecimal("100.00"),
                100_000,
                20,
                100,
                allowedModels,
                new TasksProperties.Quotas(100, 10, Duration.ofSeconds(30), java.util.Map.of()));
    }

    private static NewTask task(String model, Integer maxIterations) {
        return new NewTask("fix it", new WorkspaceSource.LocalPath("w"), model, maxIterations, null, null, null);
    }

    @Nested
    class Models {

        @Test
        void whenNoModelsAreListedThenAnyNameIsAccepted() {
            var rules = new SubmissionRules(properties(List.of()));

            assertThat(rules.model(task("some-model", null))).isEqualTo("some-model");
        }

        @Test
        void whenModelsAreListedThenAnotherNameIsRefusedWithTheList() {
            var rules = new SubmissionRules(properties(List.of("claude-sonnet-4-5", "gpt-4.1")));

            assertThat(rules.model(task("gpt-4.1", null))).isEqualTo("gpt-4.1");
            assertThatThrownBy(() -> rules.model(task("random-model", null)))
                    .isInstanceOfSatisfying(
                            InvalidTaskException.class,
                            e -> assertThat(e.field()).isEqualTo("model"))
                    .hasMessageContaining("claude-sonnet-4-5, gpt-4.1");
        }

        @Test
        void whenNoModelIsNamedThenTheDefaultApplies() {
            var rules = new SubmissionRules(properties(List.of("claude-sonnet-4-5")));

            assertThat(rules.model(task(null, null))).isNull();
        }
    }

    @Nested
    class Limits {

        @Test
        void whenLimitsAreOmittedThenTheDefaultsApply() {
            var limits = new SubmissionRules(properties(List.of())).limits(task(null, null));

            assertThat(limits.maxIterations()).isEqualTo(30);
            assertThat(limits.maxDuration()).isEqualTo(Duration.ofHours(1));
            assertThat(limits.maxTokens()).isEqualTo(2_000_000);
            assertThat(limits.maxCostUsd()).isEqualByComparingTo("5");
        }

        @Test
        void whenALimitIsOverItsCeilingThenTheFieldIsNamed() {
            var rules = new SubmissionRules(properties(List.of()));

            assertThatThrownBy(() -> rules.limits(task(null, 201)))
                    .isInstanceOfSatisfying(
                            InvalidTaskException.class,
                            e -> assertThat(e.field()).isEqualTo("limits.maxIterations"));
        }

        @Test
        void whenTheCostIsFinerThanAMicroDollarThenRefusedNotStored() {
            var rules = new SubmissionRules(properties(List.of()));

            assertThat(rules.limits(cost("0.000001")).maxCostUsd()).isEqualByComparingTo("0.000001");
            assertThat(rules.limits(cost("1.500000000")).maxCostUsd()).isEqualByComparingTo("1.5");
            for (var tooFine : List.of("0.0000001", "1E-2147483647")) {
                assertThatThrownBy(() -> rules.limits(cost(tooFine)))
                        .isInstanceOfSatisfying(
                                InvalidTaskException.class,
                                e -> assertThat(e.field()).isEqualTo("limits.maxCostUsd"));
            }
        }

        private static NewTask cost(String usd) {
            return new NewTask(
                    "fix it", new WorkspaceSource.LocalPath("w"), null, null, null, null, new BigDecimal(usd));
        }
    }

    @Nested
    class Cursors {

        @Test
        void whenACursorLiesOutsideTheYearsATaskCanHaveThenItIsInvalid() {
            var id = java.util.UUID.randomUUID();
            var encoded = new TaskCursor(java.time.Instant.parse("2026-12-01T00:00:00Z"), id).encode();

            assertThat(TaskCursor.decode(encoded).id()).isEqualTo(id);
            for (var createdAt : List.of("+300000000-01-01T00:00:00Z", "-4714-11-24T00:00:00Z")) {
                var hostile = java.util.Base64.getUrlEncoder()
                        .encodeToString((createdAt + "|" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThatThrownBy(() -> TaskCursor.decode(hostile))
                        .isInstanceOfSatisfying(
                                InvalidTaskException.class,
                                e -> assertThat(e.field()).isEqualTo("cursor"));
            }
        }
    }

    @Nested
    class CostLimits {

        private final SubmissionRules rules = new SubmissionRules(properties(List.of()));

        private NewTask withCostLimit(String maxCostUsd) {
            return new NewTask(
                    "fix it",
                    new WorkspaceSource.LocalPath("w"),
                    "local-model",
                    null,
                    null,
                    null,
                    maxCostUsd == null ? null : new BigDecimal(maxCostUsd));
        }

        @Test
        void whenACostLimitIsAskedForAnUnpricedModelThenItIsRefusedNamingTheModel() {
            assertThatThrownBy(() -> rules.requireEnforceableCostLimit(withCostLimit("1"), "local-model", false))
                    .isInstanceOfSatisfying(
                            InvalidTaskException.class,
                            e -> assertThat(e.field()).isEqualTo("limits.maxCostUsd"))
                    .hasMessageContaining("local-model", "no known price", "navi.llm.prices.[local-model]");
        }

        @Test
        void whenACostLimitIsAskedForAPricedModelThenItIsAccepted() {
            assertThatCode(() -> rules.requireEnforceableCostLimit(withCostLimit("1"), "local-model", true))
                    .doesNotThrowAnyException();
        }

        @Test
        void whenNoCostLimitIsAskedThenAnUnpricedModelIsAccepted() {
            assertThatCode(() -> rules.requireEnforceableCostLimit(withCostLimit(null), "local-model", false))
                    .doesNotThrowAnyException();
        }
    }
}
