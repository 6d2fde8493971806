package dev.navi.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who made an HTTP request, for the entries request handlers record (e.g. {@code admin_read}). The
 * module that authenticates requests provides it; without one, the servlet principal's name is the
 * subject and the remote address the client.
 */
public interface AuditRequestActor {

    /** The entry with subject, tenant, API key id and client address of the request's caller. */
    AuditEntry attribute(AuditEntry entry, HttpServletRequest request);
}
