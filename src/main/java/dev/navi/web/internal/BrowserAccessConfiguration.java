package dev.navi.web.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * What browsers and API tools are told: which other origins may call the API and read the event stream
 * ({@code navi.web.cors.allowed-origins}), and the server URL of the OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
class BrowserAccessConfiguration implements WebMvcConfigurer {

    private final List<String> allowedOrigins;

    BrowserAccessConfiguration(WebProperties properties) {
        this.allowedOrigins = allowedOrigins(properties);
    }

    /**
     * The configured origins and, once there are any, the public base URL's own: behind a proxy that
     * ends TLS, a same-origin page's {@code Origin} ({@code https://...}) differs from the request NAVI
     * sees ({@code http://...}) and would be refused like a foreign one.
     */
    static List<String> allowedOrigins(WebProperties properties) {
        var configured = properties.cors().allowedOrigins();
        var base = properties.publicBaseUrl();
        if (configured.isEmpty() || base == null) {
            return configured;
        }
        var own = UriComponentsBuilder.fromUri(base)
                .replacePath(null)
                .replaceQuery(null)
                .fragment(null)
                .build()
                .toUriString();
        return Stream.concat(configured.stream(), Stream.of(own)).distinct().toList();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (allowedOrigins.isEmpty()) {
            return;
        }
        registry.addMapping("/api/**")
                .allowedOrigins(allowedOrigins.toArray(String[]::new))
                .allowedMethods("GET", "POST", "DELETE")
                .allowedHeaders(
                        HttpHeaders.AUTHORIZATION,
                        HttpHeaders.CONTENT_TYPE,
                        HttpHeaders.ACCEPT,
                        "Last-Event-ID",
                        "X-Request-ID",
                        "traceparent")
                .exposedHeaders(
                        HttpHeaders.LOCATION,
                        HttpHeaders.RETRY_AFTER,
                        HttpHeaders.WWW_AUTHENTICATE,
                        "RateLimit",
                        "RateLimit-Policy",
                        "X-Request-ID",
                        "traceparent")
                .allowCredentials(false);
    }

    @Bean
    static BeanPostProcessor problemCorsProcessor(ObjectProvider<JsonMapper> json) {
        return ProblemCorsProcessor.installer(json);
    }

    /** Springdoc would otherwise write the request's {@code Host} into {@code servers}. */
    @Bean
    OpenAPI openApi(PublicUrls urls) {
        return new OpenAPI().servers(List.of(new Server().url(urls.server())));
    }
}
