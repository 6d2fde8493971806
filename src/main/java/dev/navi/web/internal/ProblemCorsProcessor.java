package dev.navi.web.internal;

import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's CORS checks, with a refused origin answered like every other error: a 403
 * {@code origin-not-allowed} problem instead of a plain-text body.
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ObjectProvider<JsonMapper> json;

    private ProblemCorsProcessor(ObjectProvider<JsonMapper> json) {
        this.json = json;
    }

    /** Installs it in every handler mapping (controllers, static resources, actuator). */
    static BeanPostProcessor installer(ObjectProvider<JsonMapper> json) {
        var processor = new ProblemCorsProcessor(json);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof AbstractHandlerMapping mapping) {
                    mapping.setCorsProcessor(processor);
                }
                return bean;
            }
        };
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        var problem = Problems.of(
                HttpStatus.FORBIDDEN,
                "origin-not-allowed",
                "This origin may not call the API: it is not in navi.web.cors.allowed-origins");
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        json.getObject().writeValue(response.getBody(), problem);
        response.flush();
    }
}
