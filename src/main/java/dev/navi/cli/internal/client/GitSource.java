package dev.navi.cli.internal.client;

/**
 * {@code URL[@REF]}: the ref is what follows the last {@code @} when that comes after the URL's last
 * {@code /} and {@code :} (so {@code git@host:org/repo.git} has none, {@code ...repo.git@v1.2} has
 * {@code v1.2}). A ref with a {@code /} in it cannot be given this way.
 */
record GitSource(String url, String ref) {

    static GitSource parse(String value) {
        var at = value.lastIndexOf('@');
        if (at > value.lastIndexOf('/') && at > value.lastIndexOf(':') && at < value.length() - 1) {
            return new GitSource(value.substring(0, at), value.substring(at + 1));
        }
        return new GitSource(value, null);
    }
}
