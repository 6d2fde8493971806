package dev.navi.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the credential from {@code Authorization: Bearer <token>} only (no query or form parameter).
 * Any other {@code Authorization} header, several of them, or a token over 8 KB is refused before it is
 * parsed.
 */
final class BearerHeader implements BearerTokenResolver {

    static final int MAX_TOKEN_CHARS = 8192;
    private static final Pattern BEARER = Pattern.compile("(?i)^Bearer +([A-Za-z0-9\\-._~+/]+=*) *$");

    @Override
    public String resolve(HttpServletRequest request) {
        var values = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BearerRefusal(FailureReason.MALFORMED);
        }
        var value = values.getFirst();
        if (value.length() > MAX_TOKEN_CHARS + "Bearer ".length()) {
            throw new BearerRefusal(FailureReason.TOO_LARGE);
        }
        var matcher = BEARER.matcher(value);
        if (!matcher.matches()) {
            throw new BearerRefusal(FailureReason.MALFORMED);
        }
        return matcher.group(1);
    }
}
