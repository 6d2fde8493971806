package dev.navi.tasks.internal;

import dev.navi.tasks.ApprovalMode;
import dev.navi.tasks.InvalidTaskException;
import dev.navi.tasks.NewTask;
import dev.navi.tasks.TaskLimits;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Checks a submission and fills in the configured defaults. */
@Component
class SubmissionRules {

    private static final int MAX_MODEL_NAME = 200;
    /** Costs are stored as {@code numeric(18, 6)}: a micro-dollar is the finest limit. */
    private static final int MAX_COST_DECIMALS = 6;

    private final TasksProperties properties;

    SubmissionRules(TasksProperties properties) {
        this.properties = properties;
    }

    String prompt(NewTask request) {
        var prompt = request.prompt();
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidTaskException("prompt", "prompt must not be empty");
        }
        if (prompt.length() > properties.maxPromptChars()) {
            throw new InvalidTaskException(
                    "prompt", "prompt has " + prompt.length() + " characters; at most " + properties.maxPromptChars());
        }
        return prompt;
    }

    String model(NewTask request) {
        var model = request.model();
        if (model == null) {
            return null;
        }
        if (model.isBlank() || model.length() > MAX_MODEL_NAME || model.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidTaskException("model", "model must be a non-empty name of at most 200 characters");
        }
        var allowed = properties.allowedModels();
        if (!allowed.isEmpty() && !allowed.contains(model)) {
            throw new InvalidTaskException("model", "model must be one of " + String.join(", ", allowed));
        }
        return model;
    }

    /**
     * A cost limit the submission names must be enforceable, so its model needs a known price. (The
     * configured default limit applies to unpriced models too, where only tokens are counted.)
     */
    void requireEnforceableCostLimit(NewTask request, String model, boolean priced) {
        if (request.maxCostUsd() != null && !priced) {
            throw new InvalidTaskException(
                    "limits.maxCostUsd",
                    "limits.maxCostUsd cannot be enforced: model " + model + " has no known price (the operator"
                            + " can set one with navi.llm.prices.[" + model + "].*); omit the cost limit or pick a"
                            + " priced model");
        }
    }

    TaskLimits limits(NewTask request) {
        int iterations = within(
                "limits.maxIterations",
                request.maxIterations() == null ? properties.defaultMaxIterations() : request.maxIterations(),
                properties.ceilingMaxIterations());
        long seconds = within(
                "limits.maxDurationSeconds",
                request.maxDurationSeconds() == null
                        ? properties.defaultMaxDuration().toSeconds()
                        : request.maxDurationSeconds(),
                properties.ceilingMaxDuration().toSeconds());
        long tokens = within(
                "limits.maxTokens",
                request.maxTokens() == null ? properties.defaultMaxTokens() : request.maxTokens(),
                properties.ceilingMaxTokens());
        var cost = request.maxCostUsd() == null ? properties.defaultMaxCostUsd() : request.maxCostUsd();
        if (cost.signum() <= 0 || cost.compareTo(properties.ceilingMaxCostUsd()) > 0) {
            throw new InvalidTaskException(
                    "limits.maxCostUsd", "limits.maxCostUsd must be > 0 and <= " + properties.ceilingMaxCostUsd());
        }
        var exact = cost.stripTrailingZeros();
        if (exact.scale() > MAX_COST_DECIMALS) {
            throw new InvalidTaskException(
                    "limits.maxCostUsd", "limits.maxCostUsd has at most " + MAX_COST_DECIMALS + " decimal places");
        }
        return new TaskLimits(iterations, Duration.ofSeconds(seconds), tokens, exact);
    }

    ApprovalMode approvals(NewTask request) {
        if (request.approvals() == null) {
            return ApprovalMode.NEVER;
        }
        try {
            return ApprovalMode.fromWireName(request.approvals());
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskException("approvals", "approvals must be one of never, commands, writes");
        }
    }

    int pageSize(Integer limit) {
        if (limit == null) {
            return properties.defaultPageSize();
        }
        return (int) within("limit", limit, properties.maxPageSize());
    }

    private static int within(String field, int value, int ceiling) {
        return (int) within(field, (long) value, ceiling);
    }

    private static long within(String field, long value, long ceiling) {
        if (value < 1 || value > ceiling) {
            throw new InvalidTaskException(field, field + " must be between 1 and " + ceiling + "; got " + value);
        }
        return value;
    }
}
