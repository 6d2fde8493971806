package dev.navi.llmsim.internal;

/**
 * An error as a vendor reports it.
 *
 * @param status HTTP status when sent as a response
 * @param code OpenAI error code, may be null
 */
record VendorError(int status, String type, String code, String message) {}
