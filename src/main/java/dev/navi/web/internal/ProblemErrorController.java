package dev.navi.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container's error page ({@code /error}): what reaches it (a status sent by the container or a
 * filter, a failure outside Spring MVC) is answered as a problem, whatever the {@code Accept} header. Asked
 * for directly, {@code /error} is an unknown route.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final JsonMapper json;

    ProblemErrorController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var problem = status instanceof Integer code
                ? ContainerProblems.forStatus(code)
                : Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such route");
        Problems.write(response, json, problem, path instanceof String uri ? uri : request.getRequestURI());
    }
}
