package dev.navi.llmsim.internal;

/** A provider request the sim cannot serve; answered with the vendor's 400 invalid_request_error. */
class SimRequestException extends RuntimeException {

    SimRequestException(String message) {
        super(message);
    }
}
