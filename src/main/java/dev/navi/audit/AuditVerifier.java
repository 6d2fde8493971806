package dev.navi.audit;

/** Walks the whole audit chain and says whether it is intact, and where it first is not. */
public interface AuditVerifier {

    AuditChainReport verify();
}
