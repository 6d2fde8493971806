package dev.navi.security.internal;

import dev.navi.security.ConsoleIdentityProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One stateless filter chain for every request: bearer credentials only (no sessions, cookies, CSRF
 * tokens, form or basic login), URL rules in {@link ScopeRules}, problems from {@link AuthFailures}.
 * NAVI's own filters (security headers, request screening, body limits) run before it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * Spring Security's own observations off: it would wrap each filter of the chain, and the
     * authentication and authorization, in an observation on every request (CPU, and memory held per
     * open event stream) for {@code spring_security_*} meters nothing reads. Requests are measured by
     * {@code navi_http_request_duration_seconds}, refusals by {@code navi_auth_failures_total}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** For the console's Content-Security-Policy (set by the web module). */
    @Bean
    ConsoleIdentityProvider consoleIdentityProvider(SecuritySettings settings) {
        return new ConsoleIdentityProvider(
                settings.jwt().consoleLogin() ? settings.jwt().issuerUri() : null);
    }

    @Bean
    ApiKeys apiKeys(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        return new ApiKeys(new ApiKeyStore(jdbc), events, clock);
    }

    @Bean
    BearerAuthentication bearerAuthentication(
            SecuritySettings settings, Environment environment, ApiKeys apiKeys, Clock clock) {
        var serverAddress = environment.getProperty("server.address");
        StartupChecks.check(settings, serverAddress, environment.acceptsProfiles(Profiles.of("production")));
        var jwt = JwtVerifier.of(settings.jwt(), clock);
        String adminToken = null;
        if (jwt == null) {
            if (settings.adminTokenFile() == null) {
                throw new IllegalStateException("navi.security.admin-token-file is not set");
            }
            adminToken = AdminTokenFile.load(settings.adminTokenFile());
            if (!StartupChecks.isLoopback(serverAddress)) {
                log.warn("The local admin token is accepted from other hosts"
                        + " (navi.security.allow-remote-admin-token=true)");
            }
        } else {
            log.info("Bearer JWTs are verified; the local admin token is off");
        }
        return new BearerAuthentication(adminToken, apiKeys, jwt);
    }

    @Bean
    AuthFailures authFailures(JsonMapper json, MeterRegistry meters, ApplicationEventPublisher events, Clock clock) {
        return new AuthFailures(json, meters, events, new ScopeRules(), clock);
    }

    /** Only where there is a web server: {@code audit verify} runs the application without one. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain naviFilterChain(HttpSecurity http, BearerAuthentication authentication, AuthFailures failures) {
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // SecurityHeadersFilter sets NAVI's headers; Spring's would add a second Cache-Control
                .headers(headers -> headers.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().access(new ScopeRules()))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(failures).accessDeniedHandler(failures))
                .oauth2ResourceServer(bearer -> bearer.bearerTokenResolver(new BearerHeader())
                        .authenticationManagerResolver(request -> authentication)
                        .authenticationEntryPoint(failures)
                        .accessDeniedHandler(failures));
        return http.build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
