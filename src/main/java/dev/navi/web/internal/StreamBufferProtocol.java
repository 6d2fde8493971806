package dev.navi.web.internal;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO HTTP/1.1 protocol with a smaller response buffer to start with. The buffer (bytes, and
 * as many chars for a writer) belongs to a request processor, which a connection holds while a request
 * is open, an event stream's for hours; {@link ResponseBufferFilter} grows it for every other response.
 * Public with a public constructor: Tomcat instantiates it by name.
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
