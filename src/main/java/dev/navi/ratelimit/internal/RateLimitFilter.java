package dev.navi.ratelimit.internal;

import dev.navi.ratelimit.internal.CallerBuckets.Consumption;
import dev.navi.security.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a token from the caller's bucket for the request's endpoint class, and answers 429 when there is
 * none. Runs right after Spring Security, so the caller is known; requests without a {@link Caller}
 * (unauthenticated ones, already answered by security, and everything outside the limited classes) pass
 * untouched. When the buckets cannot be reached the request passes unlimited (docs/adr/0009-rate-limits.md).
 */
class RateLimitFilter extends OncePerRequestFilter {

    /** Spring Security's filter chain is at -100 ({@code spring.security.filter.order}). */
    static final int ORDER = -99;

    static final String PROBLEM_TYPE = "urn:navi:problem:rate-limited";
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final CallerBuckets buckets;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<EndpointClass, Counter> rejections = new EnumMap<>(EndpointClass.class);
    private final AtomicReference<Instant> lastWarning = new AtomicReference<>(Instant.MIN);

    RateLimitFilter(CallerBuckets buckets, JsonMapper json, MeterRegistry registry, Clock clock) {
        this.buckets = buckets;
        this.json = json;
        this.clock = clock;
        for (var endpointClass : EndpointClass.values()) {
            rejections.put(
                    endpointClass,
                    Counter.builder("navi.ratelimit.rejections")
                            .description("Requests refused with 429 because the caller's bucket was empty")
                            .tag("class", endpointClass.label())
                            .register(registry));
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var caller = caller();
        var endpointClass = caller.flatMap(ignored -> EndpointClass.of(request));
        if (endpointClass.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Consumption consumption;
        try {
            consumption = buckets.tryConsume(endpointClass.get(), caller.get());
        } catch (RuntimeException e) {
            warnUnlimited(e);
            chain.doFilter(request, response);
            return;
        }
        RateLimitHeaders.apply(response, consumption);
        if (consumption.allowed()) {
            chain.doFilter(request, response);
        } else {
            rejections.get(consumption.endpointClass()).increment();
            reject(request, response, consumption);
        }
    }

    static Optional<Caller> caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, Consumption consumption)
            throws IOException {
        var limit = consumption.limit();
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", PROBLEM_TYPE);
        problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put(
                "detail",
                "Rate limit of the %s class exceeded: %d requests per %d s; retry after %d s"
                        .formatted(
                                consumption.endpointClass().label(),
                                limit.capacity(),
                                limit.windowSeconds(),
                                RateLimitHeaders.retryAfterSeconds(consumption)));
        instance(request).ifPresent(instance -> problem.put("instance", instance));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The path, when it is a valid URI reference as it stands (the API's own paths always are). */
    private static Optional<String> instance(HttpServletRequest request) {
        try {
            return Optional.of(URI.create(request.getRequestURI()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Once a minute at most: while the database is down every limited request would say it again. */
    private void warnUnlimited(RuntimeException e) {
        var now = clock.instant();
        var last = lastWarning.get();
        if (now.isAfter(last.plus(WARNING_INTERVAL)) && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate limits cannot be read from the database; requests pass unlimited until they can", e);
        }
    }
}
