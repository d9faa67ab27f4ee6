package dev.fieldlink.protocol.api;

import java.util.List;

/** {@code GET audit/verify}: whether every audit stream's hash chain is intact, and where the first break is. */
public record AuditVerifyResponse(boolean intact, long eventsChecked, List<StreamResult> streams) {
    public AuditVerifyResponse {
        streams = List.copyOf(streams);
    }

    /** The result for one stream; {@code firstBrokenSequence} and {@code problem} are null when intact. */
    public record StreamResult(String stream, long events, boolean intact, Long firstBrokenSequence, String problem) {}
}
