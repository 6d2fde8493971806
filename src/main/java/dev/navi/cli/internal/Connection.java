package dev.navi.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where NAVI is and how to prove who we are: {@code --base-url}, else {@code NAVI_URL}, else
 * {@code http://127.0.0.1:8787}; the token from {@code NAVI_TOKEN}, else the local admin token file
 * ({@code $NAVI_HOME/admin.token}, {@code ~/.navi/admin.token} without {@code NAVI_HOME}).
 */
public record Connection(URI baseUrl, Optional<String> token, String tokenSource) {

    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8787";

    public static Connection resolve(String baseUrlOption, Map<String, String> environment) {
        var baseUrl = firstNonBlank(baseUrlOption, environment.get("NAVI_URL"), DEFAULT_BASE_URL);
        var envToken = environment.get("NAVI_TOKEN");
        if (envToken != null && !envToken.isBlank()) {
            return new Connection(parse(baseUrl), Optional.of(envToken.strip()), "NAVI_TOKEN");
        }
        var tokenFile = tokenFile(environment);
        return new Connection(parse(baseUrl), readToken(tokenFile), tokenFile.toString());
    }

    static Path tokenFile(Map<String, String> environment) {
        var home = environment.get("NAVI_HOME");
        var naviHome =
                home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".navi") : Path.of(home);
        return naviHome.resolve("admin.token");
    }

    private static Optional<String> readToken(Path file) {
        try {
            return Files.isReadable(file)
                    ? Optional.of(Files.readString(file).strip()).filter(t -> !t.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static URI parse(String baseUrl) {
        var trimmed = baseUrl.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--base-url '" + baseUrl + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("--base-url '" + baseUrl + "' must be an http:// or https:// URL with a host");
        }
        return uri;
    }

    private static String firstNonBlank(String... values) {
        for (var value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalStateException("no default");
    }
}
