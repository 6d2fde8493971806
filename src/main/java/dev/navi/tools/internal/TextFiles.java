package dev.navi.tools.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading files as text: binary detection and strict UTF-8 decoding. */
final class TextFiles {

    private static final int SNIFF_BYTES = 8192;

    private TextFiles() {}

    /** A file is taken as binary when its first 8 KiB hold a NUL byte, as git does. */
    static boolean isBinary(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            for (byte b : head) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    static void requireText(Path file, String relative) throws IOException {
        if (isBinary(file)) {
            throw new ToolException("'" + relative + "' is a binary file; this tool only handles text files.");
        }
    }

    /** The whole file, which must be valid UTF-8 so that writing it back changes nothing else. */
    static String readStrict(Path file, String relative) throws IOException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ToolException("'" + relative + "' is not valid UTF-8 text; change it with run_command instead.");
        }
    }
}
