package dev.navi.redaction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The values of the {@code navi.*} settings that name a secret by their last word: {@code …-key},
 * {@code …-secret}, {@code …-password}, {@code …-token} (the provider keys today, signing secrets and API
 * keys as they come), resolved as the application sees them.
 */
final class ConfiguredSecrets {

    private static final Pattern SECRET_NAME =
            Pattern.compile("navi\\..*(key|secret|password|token)s?(\\[\\d+]|\\.[^.]+)?");

    private ConfiguredSecrets() {}

    static List<String> of(ConfigurableEnvironment environment) {
        var values = new ArrayList<String>();
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (isSecretName(name)) {
                        values.add(environment.getProperty(name));
                    }
                }
            }
        }
        return values;
    }

    static boolean isSecretName(String name) {
        String canonical = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return SECRET_NAME.matcher(canonical).matches();
    }
}
