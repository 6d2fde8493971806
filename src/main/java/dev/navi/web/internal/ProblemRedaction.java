package dev.navi.web.internal;

import dev.navi.redaction.Redactor;
import java.net.URI;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem Spring MVC writes, whichever module raised it, is redacted on its way out: its detail
 * may quote an exception message, its instance the request path. {@link Problems#write} does the same
 * for the filters.
 */
@RestControllerAdvice
class ProblemRedaction implements ResponseBodyAdvice<Object> {

    private final Redactor redactor;

    ProblemRedaction(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            redact(problem, redactor);
        }
        return body;
    }

    static void redact(ProblemDetail problem, Redactor redactor) {
        problem.setDetail(redactor.redact(problem.getDetail()));
        problem.setTitle(redactor.redact(problem.getTitle()));
        var instance = problem.getInstance();
        if (instance != null && redactor.needsRedaction(instance.toString())) {
            problem.setInstance(URI.create(Problems.safePath(redactor.redact(instance.toString()))));
        }
    }
}
