package dev.navi.web.internal;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP API.
 *
 * @param maxRequestBody largest request body accepted, whatever its framing: a larger one is answered 413
 *     without being read past the limit
 * @param publicBaseUrl the URL clients reach NAVI at (for example {@code https://navi.example.com}), used
 *     for {@code Location} and the OpenAPI {@code servers}; unset, both are path-only. The request's
 *     {@code Host} is never used
 * @param cors browsers on other origins
 * @param maxConnections connections the API port keeps open at once (each open event stream holds one);
 *     0 (the default) derives it from the process's file-descriptor limit: that limit minus {@code
 *     reservedFileDescriptors}, at least Tomcat's own default of 8192. Past it, new connections wait in
 *     the accept queue. Memory per idle stream is then the limit (see docs/benchmark.md)
 * @param reservedFileDescriptors file descriptors left for everything but API connections (database
 *     pool, workspace files, git, commands, the management port) when {@code maxConnections} is derived
 * @param socketBuffer each API connection's socket read buffer and, apart, its write buffer (Tomcat's
 *     default is 8 KB each). Held for as long as a connection is open, an event stream's for hours; the
 *     request header buffer is {@code server.max-http-request-header-size} plus this. Larger request
 *     bodies and responses are read and written in pieces of this size or straight from the application
 * @param responseBuffer the response buffer of every response but an event stream (Tomcat's default):
 *     up to this size a response gets a {@code Content-Length} and can still be replaced by a problem
 *     when its handler fails
 * @param streamResponseBuffer the response buffer an event stream holds while it is open; each event is
 *     flushed at once, so a larger one only costs memory (bytes, and as many chars, per open stream)
 * @param maxRequestTrailers largest trailer section of a chunked request body (Tomcat's default 8 KB,
 *     allocated per connection); NAVI reads no trailer, and a body with larger ones is refused
 */
@ConfigurationProperties("navi.web")
record WebProperties(
        @DefaultValue("2MB") DataSize maxRequestBody,
        URI publicBaseUrl,
        @DefaultValue Cors cors,
        @DefaultValue("0") int maxConnections,
        @DefaultValue("2048") int reservedFileDescriptors,
        @DefaultValue("2KB") DataSize socketBuffer,
        @DefaultValue("8KB") DataSize responseBuffer,
        @DefaultValue("1KB") DataSize streamResponseBuffer,
        @DefaultValue("1KB") DataSize maxRequestTrailers) {

    /**
     * @param allowedOrigins origins (such as {@code https://console.example.com}) whose pages may call the
     *     API and read the event stream; empty means the same origin only
     */
    record Cors(@DefaultValue List<String> allowedOrigins) {}
}
