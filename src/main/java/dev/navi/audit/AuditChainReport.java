package dev.navi.audit;

/**
 * What a walk of the audit chain found.
 *
 * @param records rows checked
 * @param headSeq seq of the last intact row (0 for an empty log)
 * @param headHash hex HMAC of that row: anchor it outside NAVI to detect the loss of newer rows
 * @param firstBadSeq seq of the first row that fails a check, or null when the chain is intact
 * @param problem why that row fails, or null
 */
public record AuditChainReport(long records, long headSeq, String headHash, Long firstBadSeq, String problem) {

    public boolean intact() {
        return firstBadSeq == null;
    }

    /** One line for a terminal or a log. */
    public String summary() {
        if (intact()) {
            return "audit log intact: " + records + " records, head seq " + headSeq + " hash " + headHash;
        }
        return "audit log BROKEN at seq " + firstBadSeq + ": " + problem + " (" + records
                + " records checked before it; last intact seq " + headSeq + ")";
    }
}
