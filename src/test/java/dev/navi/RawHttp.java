package dev.navi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client will send: malformed request lines and
 * headers, NUL bytes, odd framings. One request per connection; the response is read until the server
 * closes or the body is complete.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 20_000;

    private final int port;
    private final String token;

    /** Requests sent as they are, without credentials. */
    RawHttp(int port) {
        this(port, null);
    }

    /** Requests carry {@code Authorization: Bearer token} after their request line, unless they name one. */
    RawHttp(int port, String token) {
        this.port = port;
        this.token = token;
    }

    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** Sends the bytes as they are ({@code Connection: close} is the caller's to add) and reads the answer. */
    Response send(byte[] request) {
        var authorized = authorized(request);
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            try {
                socket.getOutputStream().write(authorized);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the server may answer and close before it has read everything: read what it said
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] authorized(byte[] request) {
        var text = new String(request, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf("\r\n");
        if (token == null || lineEnd < 0 || text.toLowerCase(Locale.ROOT).contains("\r\nauthorization:")) {
            return request;
        }
        var header = "\r\nAuthorization: Bearer " + token;
        return (text.substring(0, lineEnd) + header + text.substring(lineEnd)).getBytes(StandardCharsets.ISO_8859_1);
    }

    Response send(String request) {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Response read(InputStream in) throws IOException {
        while (true) {
            var head = readHead(in);
            var lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            var headers = new TreeMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip());
                }
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            return new Response(status, headers, body(in, headers));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        if (head.size() == 0) {
            throw new IOException("The server closed the connection without answering");
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String body(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var body = new ByteArrayOutputStream();
            while (true) {
                var size = line(in).split(";")[0].strip();
                int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
                if (length == 0) {
                    return body.toString(StandardCharsets.UTF_8);
                }
                body.write(in.readNBytes(length));
                line(in);
            }
        }
        if (headers.containsKey("content-length")) {
            return new String(in.readNBytes(Integer.parseInt(headers.get("content-length"))), StandardCharsets.UTF_8);
        }
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return "";
        }
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
