package dev.navi.ratelimit.internal;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds {@code navi.ratelimit.*} as the application does, from the given properties over the defaults. */
final class Settings {

    private Settings() {}

    static RateLimitProperties of(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("navi.ratelimit", RateLimitProperties.class);
    }

    static RateLimitProperties defaults() {
        return of(Map.of());
    }
}
