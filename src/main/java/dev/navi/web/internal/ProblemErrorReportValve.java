package dev.navi.web.internal;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders what Tomcat refuses on its own (a malformed request line or header, an oversized header, a
 * bad {@code Content-Length}, an unsupported version or transfer coding) as a problem instead of an HTML
 * page, with the status of {@link ContainerProblems}. The body is ASCII (the path is escaped), so the
 * container's default charset needs no parameter.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var problem = ContainerProblems.forStatus(status);
        var uri = request.getDecodedRequestURI();
        if (uri != null) {
            problem.setInstance(java.net.URI.create(Problems.safePath(uri)));
        }
        try {
            response.setStatus(problem.getStatus());
            SecurityHeadersFilter.apply(response);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot be written: nothing more to do
        }
    }
}
