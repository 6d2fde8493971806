package dev.navi.redaction.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import dev.navi.redaction.Redactor;
import java.nio.charset.StandardCharsets;

/**
 * Redacts what another encoder wrote, whatever its format (plain text, ECS, Logstash, GELF JSON): a
 * secret is redacted in the message, the arguments, the MDC and the stack trace alike.
 */
final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

    private final Encoder<ILoggingEvent> delegate;

    RedactingEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
        setContext(delegate.getContext());
    }

    Encoder<ILoggingEvent> delegate() {
        return delegate;
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] encoded = delegate.encode(event);
        if (encoded == null) {
            return null;
        }
        // byte for byte whatever the charset (secrets and their shapes are ASCII): nothing else changes
        String line = new String(encoded, StandardCharsets.ISO_8859_1);
        String redacted = Redactor.current().redact(line);
        return redacted == line ? encoded : redacted.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }

    @Override
    public void start() {
        super.start();
        if (!delegate.isStarted()) {
            delegate.start();
        }
    }

    @Override
    public void stop() {
        delegate.stop();
        super.stop();
    }
}
