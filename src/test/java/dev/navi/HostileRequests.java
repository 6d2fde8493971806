package dev.navi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests found hostile by fuzzing NAVI, and a seeded generator of more of the same shapes: broken
 * percent-escapes, path parameters, header values with control and non-ASCII bytes, mutated bodies,
 * odd methods and request lines. Every generated submission names a workspace that does not exist, so
 * none can legitimately create a task.
 */
final class HostileRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ABSENT = "00000000-0000-0000-0000-000000000000";
    private static final List<String> ROUTES = List.of(
            "/health/live",
            "/health/ready",
            "/metrics",
            "/api/openapi",
            "/api/v1/tasks",
            "/api/v1/tasks/" + ABSENT,
            "/api/v1/tasks/" + ABSENT + "/diff",
            "/api/v1/tasks/" + ABSENT + "/events",
            "/api/v1/tasks/" + ABSENT + "/cancel",
            "/api/v1/errors",
            "/api/v1/errors/" + ABSENT + "/resolve",
            "/error",
            "/nothing-here");
    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "CONNECT", "FOO", "get");
    private static final List<String> HEADERS = List.of(
            "Accept", "Content-Type", "Last-Event-ID", "X-Request-ID", "traceparent", "Accept-Charset", "Range");
    private static final List<String> ODD_VALUES = List.of(
            "1E-2147483647",
            "1E+2147483647",
            "-0",
            "1e999999",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "null",
            "[]",
            "{}",
            "true",
            "\"" + "x".repeat(200_000) + "\"",
            "99999999999999999999999999",
            "0.0000001",
            "\"\"");
    private static final String NOWHERE =
            "{\"prompt\": \"[sim:default] fuzz\", \"workspace\": {\"path\": \"nowhere\"}}";

    private final Random random;

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    /** The triggers of the fuzz run, one of each. */
    static List<String> knownTriggers() {
        var requests = new ArrayList<String>();
        for (var route : ROUTES) {
            for (var query : List.of("?status=%FF", "?a=%zz", "?=x", "?a=%", "?a=%E2%82")) {
                requests.add(get(route + query, ""));
            }
        }
        requests.add(get("/api/v1/tasks/x;%", ""));
        requests.add(get("/api/v1/tasks/" + ABSENT + ";a=%zz/diff", ""));
        requests.add(
                get("/api/v1/tasks?cursor=" + HostileRequestsIT.cursor("+300000000-01-01T00:00:00Z|" + ABSENT), ""));
        requests.add(get("/api/v1/tasks?cursor=" + HostileRequestsIT.cursor("-4714-11-24T00:00:00Z|" + ABSENT), ""));
        requests.add(submit("{\"prompt\": \"a\\u0000b\", \"workspace\": {\"path\": \"hostile\"}}", ""));
        requests.add(submit(
                "{\"prompt\": \"x\", \"workspace\": {\"path\": \"hostile\"}, \"limits\": {\"maxCostUsd\": 1E-2147483647}}",
                ""));
        requests.add(submit(HostileRequestsIT.VALID_BODY, "Accept: text/html\r\n"));
        requests.add(submit(HostileRequestsIT.VALID_BODY, "Accept: \r\nExpect: 200-ok\r\n"));
        requests.add(get("/metrics", "Accept: \r\n"));
        requests.add(get("/api/v1/tasks", "Accept: ;;;/\r\n"));
        requests.add(get("/api/v1/tasks", "Accept: text/html;q=x\r\n"));
        requests.add(HostileRequestsIT.post("/api/v1/tasks", "multipart/form-data; boundary=b", "--b\r\n\r\n--b--"));
        requests.add(HostileRequestsIT.post("/api/v1/tasks", "multipart/form-data", "--b--"));
        requests.add(get("/error", ""));
        requests.add("CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        requests.add("POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: gzip\r\n\r\n");
        requests.add("GET /health/live HTTP/2.0\r\nHost: x\r\nConnection: close\r\n\r\n");
        requests.add("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: " + "a".repeat(70_000)
                + "\r\n\r\n");
        requests.add(get("/health/live", "X-Nul: a\u0000b\r\n"));
        requests.add(get("/health/%00live", ""));
        requests.add(get("/api/v1/tasks/%00", ""));
        requests.add("POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: abc\r\n\r\n");
        requests.add("POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: -1\r\n\r\n");
        requests.add("POST /api/v1/tasks HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n"
                + "Content-Length: 3\r\n\r\n{}");
        requests.add("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
        requests.add("GET\r\n\r\n");
        requests.add("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\nBad Header: x\r\n\r\n");
        return requests;
    }

    List<String> generate(int count) {
        var requests = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            requests.add(
                    switch (i % 5) {
                        case 0 -> get(route() + "?" + word() + "=" + escapes(), "");
                        case 1 -> get(pathParameter(), "");
                        case 2 -> get(route(), pick(HEADERS) + ": " + headerValue() + "\r\n");
                        case 3 -> submit(body(), random.nextBoolean() ? "" : "Accept: " + headerValue() + "\r\n");
                        default -> method();
                    });
        }
        return requests;
    }

    private String escapes() {
        var value = new StringBuilder();
        for (int n = random.nextInt(1, 6); n > 0; n--) {
            value.append(
                    switch (random.nextInt(4)) {
                        case 0 -> "%" + hex() + hex();
                        case 1 -> "%" + (char) random.nextInt(0x21, 0x7f);
                        case 2 -> "%";
                        default -> word();
                    });
        }
        return value.toString();
    }

    private String pathParameter() {
        var segments = pick(ROUTES).split("/");
        int at = random.nextInt(1, segments.length);
        segments[at] = segments[at] + ";" + word() + (random.nextBoolean() ? "=" + escapes() : escapes());
        return String.join("/", segments);
    }

    private String headerValue() {
        var value = new StringBuilder();
        for (int n = random.nextInt(0, 12); n > 0; n--) {
            value.append(
                    switch (random.nextInt(6)) {
                        case 0 -> (char) random.nextInt(0, 0x20);
                        case 1 -> (char) random.nextInt(0x80, 0x100);
                        case 2 -> pick(List.of(";", ",", "/", "*", "=", "q=", "\"", "\\"));
                        case 3 -> pick(List.of("text/html", "application/json", "*/*", "application/problem+json"));
                        default -> word();
                    });
        }
        // a line break would end the header and start another: keep it one header
        return value.toString().replace('\r', ' ').replace('\n', ' ');
    }

    private String body() {
        var rest = NOWHERE.substring(1);
        var json = switch (random.nextInt(4)) {
            case 0 -> "{\"" + word() + "\": " + pick(ODD_VALUES) + ", " + rest;
            case 1 ->
                "{\"limits\": {\"" + pick(List.of("maxIterations", "maxDurationSeconds", "maxTokens", "maxCostUsd"))
                        + "\": " + pick(ODD_VALUES) + "}, " + rest;
            case 2 -> "{\"model\": \"" + word() + (char) random.nextInt(0, 0x20) + "\", " + rest;
            default -> "{\"model\": " + pick(ODD_VALUES) + ", " + rest;
        };
        if (random.nextInt(3) == 0) {
            json = json.substring(0, random.nextInt(json.length()));
        }
        return json;
    }

    private String method() {
        var method = pick(METHODS);
        var route = pick(ROUTES);
        if (route.equals("/api/v1/tasks") && method.equals("POST")) {
            return submit(body(), "");
        }
        return method + " " + route + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + HostileRequestsIT.length(NOWHERE) + "\r\n" + NOWHERE;
    }

    private String route() {
        return pick(ROUTES);
    }

    private String word() {
        var word = new StringBuilder();
        for (int n = random.nextInt(1, 8); n > 0; n--) {
            word.append((char) random.nextInt('a', 'z' + 1));
        }
        return word.toString();
    }

    private char hex() {
        return "0123456789abcdefABCDEFgz".charAt(random.nextInt(24));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String get(String target, String headers) {
        return HostileRequestsIT.request("GET", target, headers);
    }

    private static String submit(String body, String headers) {
        return HostileRequestsIT.request(
                        "POST",
                        "/api/v1/tasks",
                        headers + "Content-Type: application/json\r\n" + HostileRequestsIT.length(body))
                + body;
    }

    /** Null when the response is acceptable: not a 5xx, and every 4xx a typed problem. */
    static String verdict(String request, RawHttp.Response response) {
        if (response.status() >= 500) {
            return "server error " + response;
        }
        if (response.status() < 400) {
            return null;
        }
        if (!"application/problem+json".equals(response.header("Content-Type"))) {
            return "not a problem " + response;
        }
        if (request.startsWith("HEAD ")) {
            return null;
        }
        try {
            var problem = JSON.readTree(response.body());
            return problem.path("type").asString().startsWith("urn:navi:problem:")
                            && problem.path("status").asInt() == response.status()
                    ? null
                    : "untyped problem " + response;
        } catch (RuntimeException e) {
            return "unreadable problem " + response;
        }
    }

    static String printable(String request) {
        var head = request.length() > 200 ? request.substring(0, 200) + "…" : request;
        var printable = new StringBuilder();
        for (byte b : head.getBytes(StandardCharsets.UTF_8)) {
            printable.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return printable.toString() + " #" + UUID.nameUUIDFromBytes(request.getBytes(StandardCharsets.UTF_8));
    }
}
