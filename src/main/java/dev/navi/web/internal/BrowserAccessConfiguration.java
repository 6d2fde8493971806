package dev.navi.web.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What browsers and API tools are told: which other origins may call the API and read the event stream
 * ({@code navi.web.cors.allowed-origins}), and the server URL of the OpenAPI document.
 */
@Configuration(proxyBeanMethods = false)
class BrowserAccessConfiguration implements WebMvcConfigurer {

    private final List<String> allowedOrigins;

    BrowserAccessConfiguration(WebProperties properties) {
        this.allowedOrigins = properties.cors().allowedOrigins();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (allowedOrigins.isEmpty()) {
            return;
        }
        registry.addMapping("/api/**")
                .allowedOrigins(allowedOrigins.toArray(String[]::new))
                .allowedMethods("GET", "POST")
                .allowedHeaders(
                        HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, "Last-Event-ID", "X-Request-ID", "traceparent")
                .exposedHeaders(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Request-ID", "traceparent")
                .allowCredentials(false);
    }

    /** Springdoc would otherwise write the request's {@code Host} into {@code servers}. */
    @Bean
    OpenAPI openApi(PublicUrls urls) {
        return new OpenAPI().servers(List.of(new Server().url(urls.server())));
    }
}
