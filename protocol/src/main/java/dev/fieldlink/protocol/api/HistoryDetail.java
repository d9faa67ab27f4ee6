package dev.fieldlink.protocol.api;

import dev.fieldlink.protocol.audit.AuditEvent;
import java.util.List;

/** {@code GET history/sessions/{id}}: the session and its full audit timeline in order. */
public record HistoryDetail(HistoryEntry session, List<AuditEvent> timeline) {
    public HistoryDetail {
        timeline = List.copyOf(timeline);
    }
}
