package dev.navi.tasks;

import java.math.BigDecimal;
import java.time.Duration;

/** Hard limits of one task's loop. */
public record TaskLimits(int maxIterations, Duration maxDuration, long maxTokens, BigDecimal maxCostUsd) {}
