package dev.fieldlink.agent.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.agent.audit.Segments.Segment;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks a log directory offline, without the agent running: every line parses, sequences run without gaps across
 * segments, every {@code prevHash} matches and every hash matches its event. Segments pruned after the relay
 * acknowledged them are allowed at the start; a log that starts after an event the relay never acknowledged is
 * reported as broken.
 */
public final class AuditVerifier {
    private final ObjectMapper json = Json.mapper();

    /**
     * The outcome.
     *
     * @param ok true when the chain is intact
     * @param events events checked
     * @param firstSequence the first sequence present (1 unless older segments were pruned), 0 for an empty log
     * @param lastSequence the last sequence present
     * @param acknowledged the highest sequence the relay acknowledged
     * @param problem what is broken and where, or null
     */
    public record Report(
            boolean ok, long events, long firstSequence, long lastSequence, long acknowledged, String problem) {}

    /** Verifies the log in {@code dir}; reading failures are reported, not thrown. */
    public Report verify(Path dir) {
        long acknowledged = 0;
        try {
            Path ackFile = dir.resolve(AuditLog.ACK_FILE);
            if (Files.exists(ackFile)) {
                acknowledged = Long.parseLong(
                        Files.readString(ackFile, StandardCharsets.US_ASCII).trim());
            }
        } catch (IOException | NumberFormatException e) {
            return new Report(false, 0, 0, 0, 0, AuditLog.ACK_FILE + " cannot be read: " + e.getMessage());
        }
        List<Segment> segments;
        try {
            segments = Segments.list(dir);
        } catch (IOException e) {
            return new Report(false, 0, 0, 0, acknowledged, "cannot list " + dir + ": " + e.getMessage());
        }
        long count = 0;
        long first = 0;
        String prevHash = null;
        long expected = 0;
        for (Segment s : segments) {
            try (BufferedReader in = Files.newBufferedReader(s.file(), StandardCharsets.UTF_8)) {
                String line;
                int lineNo = 0;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    AuditEvent event;
                    try {
                        event = json.readValue(line, AuditEvent.class);
                    } catch (JsonProcessingException e) {
                        return new Report(
                                false,
                                count,
                                first,
                                expected - 1,
                                acknowledged,
                                s.file().getFileName() + " line " + lineNo + ": not an audit event ("
                                        + e.getOriginalMessage().split("\n", 2)[0] + ")");
                    }
                    if (prevHash == null) {
                        first = event.sequence();
                        if (first != 1 && first - 1 > acknowledged) {
                            return new Report(
                                    false,
                                    0,
                                    first,
                                    first,
                                    acknowledged,
                                    "the log starts at sequence " + first + " but the relay acknowledged only up to "
                                            + acknowledged + ": unacknowledged events are missing");
                        }
                        prevHash = first == 1 ? AuditChain.GENESIS : event.prevHash();
                        expected = first;
                    }
                    Optional<AuditChain.Break> broken = AuditChain.verify(List.of(event), prevHash, expected);
                    if (broken.isPresent()) {
                        return new Report(
                                false,
                                count,
                                first,
                                expected - 1,
                                acknowledged,
                                s.file().getFileName() + " line " + lineNo + ", sequence "
                                        + broken.get().sequence() + ": "
                                        + broken.get().problem());
                    }
                    prevHash = event.hash();
                    expected++;
                    count++;
                }
            } catch (IOException e) {
                return new Report(
                        false,
                        count,
                        first,
                        expected - 1,
                        acknowledged,
                        "cannot read " + s.file() + ": " + e.getMessage());
            }
        }
        return new Report(true, count, first, Math.max(0, expected - 1), acknowledged, null);
    }
}
