package dev.fieldlink.protocol.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of an append-only, hash-chained audit stream. {@code hash} is the SHA-256 (hex) of the event's
 * canonical JSON without the {@code hash} field; {@code prevHash} is the previous event's hash, or
 * {@link AuditChain#GENESIS} for the first event of a stream. See {@link AuditChain}.
 *
 * @param stream the chain this event belongs to: {@code relay} for the relay's own, {@code agent:<machineId>} for a
 *     machine's
 * @param sequence position in the stream, starting at 1, without gaps
 * @param type what happened; one of {@link AuditEventTypes}, or a newer type this version does not know
 * @param actor who did it: {@code technician:<id>}, {@code operator:<machineId>}, {@code agent:<machineId>},
 *     {@code relay}, {@code admin:<id>}, or {@code anonymous}
 * @param subject what it concerns: {@code session:<id>}, {@code machine:<id>}, {@code user:<id>}
 * @param time when it happened, in milliseconds precision
 * @param details further facts, never secrets; sorted by key
 */
public record AuditEvent(
        String stream,
        long sequence,
        String type,
        String actor,
        String subject,
        Instant time,
        Map<String, String> details,
        String prevHash,
        String hash) {
    public AuditEvent {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** An event not yet placed in a stream: {@link AuditChain#append} gives it sequence and hashes. */
    public static AuditEvent draft(
            String type, String actor, String subject, Instant time, Map<String, String> details) {
        return new AuditEvent(null, 0, type, actor, subject, time, details, null, null);
    }

    /** The session id when the subject is {@code session:<id>}, else null. */
    public String sessionId() {
        return subject != null && subject.startsWith("session:") ? subject.substring("session:".length()) : null;
    }
}
