package dev.navi.llmsim.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sim needs from a provider request.
 *
 * @param includeUsage OpenAI {@code stream_options.include_usage}
 * @param firstUserText text of the first user message; selects the script and identifies the conversation
 * @param assistantMessages number of assistant messages, i.e. the index of the turn to serve
 * @param bodyChars size of the request body, for the default input token estimate
 */
record ParsedRequest(
        String model,
        boolean stream,
        boolean includeUsage,
        String firstUserText,
        int assistantMessages,
        int bodyChars) {

    static final String DEFAULT_SCRIPT = "default";
    private static final Pattern SCRIPT_TAG = Pattern.compile("\\[sim:([^\\]\\s]+)]");

    /** The name given as {@code [sim:NAME]} in the first user message, else {@value #DEFAULT_SCRIPT}. */
    String scriptName() {
        Matcher matcher = SCRIPT_TAG.matcher(firstUserText);
        return matcher.find() ? matcher.group(1) : DEFAULT_SCRIPT;
    }

    /** A stable id of the conversation: a hash of its first user message. */
    String conversation() {
        return Hashes.sha256Hex(firstUserText, 8);
    }
}
