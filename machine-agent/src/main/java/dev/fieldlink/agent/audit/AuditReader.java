package dev.fieldlink.agent.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fieldlink.agent.audit.Segments.Segment;
import dev.fieldlink.protocol.audit.AuditEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a log's events in sequence order from a starting point, and keeps up with later appends: each call to
 * {@link #next} returns what was written since the previous call, up to a limit. Reads only complete, forced lines.
 *
 * <p>Not thread-safe: one reader per forwarder.
 */
public final class AuditReader {
    private final AuditLog log;
    private long nextSequence;
    private Path file;
    private long position;

    AuditReader(AuditLog log, long afterSequence) {
        this.log = log;
        this.nextSequence = afterSequence + 1;
    }

    /** The sequence of the next event this reader returns. */
    public long nextSequence() {
        return nextSequence;
    }

    /**
     * The next events, at most {@code maxEvents} and (beyond the first) at most {@code maxBytes} of JSON.
     *
     * @return the events in order; empty when the reader is at the end of the log
     * @throws AuditLogException if the log cannot be read, or the events to resend were deleted
     */
    public List<AuditEvent> next(int maxEvents, long maxBytes) {
        List<AuditEvent> out = new ArrayList<>();
        long bytes = 0;
        synchronized (log.lock()) {
            try {
                while (out.size() < maxEvents) {
                    if (file == null && !locate()) {
                        return out;
                    }
                    long committed = log.committedLength(file);
                    if (position >= committed) {
                        if (!advanceToNextSegment()) {
                            return out;
                        }
                        continue;
                    }
                    int chunk = (int) Math.min(64 * 1024, committed - position);
                    ByteBuffer buffer = ByteBuffer.allocate(chunk);
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                        ch.position(position);
                        while (buffer.hasRemaining() && ch.read(buffer) > 0) {
                            // fill
                        }
                    }
                    byte[] data = buffer.array();
                    int lineStart = 0;
                    int lines = 0;
                    for (int p = 0; p < buffer.position() && out.size() < maxEvents; p++) {
                        if (data[p] != '\n') {
                            continue;
                        }
                        lines++;
                        int length = p - lineStart;
                        AuditEvent event = parse(data, lineStart, length);
                        int consumed = p + 1 - lineStart;
                        if (event != null && event.sequence() >= nextSequence) {
                            if (!out.isEmpty() && bytes + length > maxBytes) {
                                return out;
                            }
                            if (event.sequence() != nextSequence) {
                                throw new AuditLogException("The audit log has a gap: expected sequence " + nextSequence
                                        + " but found " + event.sequence() + " in " + file.getFileName());
                            }
                            out.add(event);
                            bytes += length;
                            nextSequence++;
                        }
                        position += consumed;
                        lineStart = p + 1;
                    }
                    if (lines == 0) {
                        // A line longer than the chunk cannot be an event this log wrote.
                        throw new AuditLogException("The audit log holds an overlong line in " + file.getFileName()
                                + " at byte " + position);
                    }
                }
            } catch (IOException e) {
                throw new AuditLogException("Cannot read the audit log: " + e.getMessage(), e);
            }
        }
        return out;
    }

    private AuditEvent parse(byte[] data, int offset, int length) {
        try {
            return log.json().readValue(new String(data, offset, length, StandardCharsets.UTF_8), AuditEvent.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private boolean locate() {
        List<Segment> segments = log.segmentsLocked();
        Segment found = null;
        for (Segment s : segments) {
            if (s.firstSequence() <= nextSequence) {
                found = s;
            }
        }
        if (found == null) {
            if (segments.isEmpty()) {
                return false;
            }
            throw new AuditLogException("The audit log no longer holds sequence " + nextSequence
                    + " (oldest segment starts at " + segments.get(0).firstSequence() + ")");
        }
        file = found.file();
        position = 0;
        return true;
    }

    private boolean advanceToNextSegment() {
        List<Segment> segments = log.segmentsLocked();
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i).file().equals(file)) {
                file = segments.get(i + 1).file();
                position = 0;
                return true;
            }
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).file().equals(file)) {
            return false;
        }
        file = null; // pruned under us: find the segment again
        return true;
    }
}
