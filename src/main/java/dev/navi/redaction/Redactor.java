package dev.navi.redaction;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces secrets in text by {@link #REDACTED}: the configured secret values, and the shapes of
 * provider keys ({@code sk-…}, {@code sk-ant-…}), GitHub tokens ({@code ghp_…}, {@code github_pat_…}),
 * AWS access key ids ({@code AKIA…}), NAVI's own admin tokens ({@code navi-admin-…}) and API keys
 * ({@code navi_<id>_…}), JWTs ({@code eyJ….eyJ….…}) and bearer tokens. Text with none of their markers is returned as it
 * is, after a few {@code indexOf} scans; the patterns are compiled once.
 */
public final class Redactor {

    public static final String REDACTED = "[REDACTED]";

    /** Shorter configured values (a test's "secret") would redact ordinary words. */
    static final int MIN_SECRET_LENGTH = 8;

    /** How each shape begins; text with none of them at the start of a word is not matched at all. */
    private static final List<String> MARKERS = List.of(
            "sk-",
            "ghp_",
            "gho_",
            "ghu_",
            "ghs_",
            "ghr_",
            "github_pat_",
            "AKIA",
            "Bearer",
            "bearer",
            "BEARER",
            "navi-admin-",
            "navi_",
            "eyJ");

    private static final Pattern SHAPES = Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}"
            + "|\\bgh[pousr]_[A-Za-z0-9]{20,}"
            + "|\\bgithub_pat_[A-Za-z0-9_]{20,}"
            + "|\\bAKIA[0-9A-Z]{16}\\b"
            + "|\\bnavi-admin-[A-Za-z0-9_-]{43}"
            + "|\\bnavi_[0-9a-f]{16}_[A-Za-z0-9_-]{43}"
            + "|\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"
            + "|\\b([Bb][Ee][Aa][Rr][Ee][Rr]\\s{1,8})[A-Za-z0-9._~+/-]{8,}=*");

    private static volatile Redactor current = new Redactor(List.of());

    private final List<String> secrets;

    public Redactor(Collection<String> secrets) {
        this.secrets = secrets.stream()
                .filter(secret -> secret != null && secret.strip().length() >= MIN_SECRET_LENGTH)
                .map(String::strip)
                .distinct()
                // the longer first, so that a secret containing another is replaced whole
                .sorted((a, b) -> b.length() - a.length())
                .toList();
    }

    /**
     * The redactor of the running application, for sinks that live outside it (the log encoders are set
     * up before the application context and outlive it); until one is installed, shapes only.
     */
    public static Redactor current() {
        return current;
    }

    public static void install(Redactor redactor) {
        current = redactor;
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, REDACTED);
            }
        }
        if (!hasMarker(result)) {
            return result;
        }
        // a bearer token keeps its scheme word (group 1)
        return SHAPES.matcher(result).replaceAll(match -> match.group(1) == null ? REDACTED : "$1" + REDACTED);
    }

    /** Whether {@link #redact} would change the text. */
    public boolean needsRedaction(String text) {
        return text != null && !text.equals(redact(text));
    }

    /** At the start of a word: "task-" and "disk-" do not make the text a candidate. */
    private static boolean hasMarker(String text) {
        for (String marker : MARKERS) {
            for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
                if (at == 0 || !isWordCharacter(text.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isWordCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
