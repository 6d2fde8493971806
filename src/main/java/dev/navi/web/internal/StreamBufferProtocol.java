package dev.navi.web.internal;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO HTTP/1.1 protocol with a smaller response buffer to start with. The buffer (bytes, and
 * as many chars for a writer) is allocated once per connection and held for as long as a request is
 * open, which for an event stream is hours; {@link ResponseBufferFilter} grows it back for every other
 * response. Public with a public constructor: Tomcat instantiates it by name.
 */
public class StreamBufferProtocol extends Http11NioProtocol {

    private volatile int responseBufferSize = -1;

    public StreamBufferProtocol() {
        super();
    }

    /** Read when the connector creates a connection's response, after the customizers ran. */
    @Override
    public int getDesiredBufferSize() {
        return responseBufferSize;
    }

    void setResponseBufferSize(int bytes) {
        this.responseBufferSize = bytes;
    }
}
