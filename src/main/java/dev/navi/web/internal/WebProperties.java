package dev.navi.web.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP API.
 *
 * @param maxRequestBody largest request body accepted, whatever its framing: a larger one is answered 413
 *     without being read past the limit
 */
@ConfigurationProperties("navi.web")
record WebProperties(@DefaultValue("2MB") DataSize maxRequestBody) {}
