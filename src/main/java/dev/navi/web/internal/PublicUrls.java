package dev.navi.web.internal;

import java.net.URI;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * URLs that NAVI hands out. They start with {@code navi.web.public-base-url}, or are path-only without
 * it; the request's {@code Host} and forwarded headers never go into them.
 */
@Component
class PublicUrls {

    private final URI base;

    PublicUrls(WebProperties properties) {
        this.base = properties.publicBaseUrl();
    }

    /** The public URL of an API path, such as {@code /api/v1/tasks/42}. */
    URI of(String path) {
        if (base == null) {
            return UriComponentsBuilder.fromPath(path).build().toUri();
        }
        return UriComponentsBuilder.fromUri(base).path(path).build().toUri();
    }

    /** The server URL for the OpenAPI document: the public base URL, or {@code /}. */
    String server() {
        return base == null ? "/" : stripTrailingSlash(base.toString());
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
