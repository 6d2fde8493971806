package dev.navi.audit.internal;

/** A row that cannot be opened: unknown key, failed decryption, or a payload NAVI did not write. */
final class UnreadableRowException extends Exception {

    UnreadableRowException(String message) {
        super(message);
    }
}
