package dev.navi.llmsim.internal;

/** A script that does not follow the script format. */
class InvalidScriptException extends RuntimeException {

    InvalidScriptException(String message) {
        super(message);
    }
}
