package dev.fieldlink.agent.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.agent.audit.Segments.Segment;
import dev.fieldlink.agent.config.AuditSettings;
import dev.fieldlink.auth.PrivateFiles;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's hash-chained audit log and its store-and-forward buffer, in one directory:
 *
 * <ul>
 *   <li>{@code audit-<first sequence>.jsonl}: segments of one {@link AuditEvent} JSON object per line, chained by
 *       {@link AuditChain}. Each append is forced to disk before {@link #append} returns, so an event that was
 *       returned survives a crash of the agent or the machine. A segment is closed beyond the configured size.
 *   <li>{@code acknowledged}: the highest sequence the relay has confirmed as committed. Everything after it is
 *       resent after every reconnect ({@link #reader}); the relay ignores sequences it already holds.
 * </ul>
 *
 * <p>Disk quota: when the segments exceed {@link AuditSettings#quota()}, the oldest segments whose every event the
 * relay has acknowledged are deleted. If that is not enough, the alarm ({@link #quotaState()}, listeners) is raised
 * and an {@code AUDIT_QUOTA_REACHED} event is written; events are still written: none is ever dropped.
 *
 * <p>On opening, a torn last line (the agent died while writing it; {@link #append} had not returned) is cut off.
 *
 * <p>Thread-safe.
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** Longest detail value kept; longer ones are cut and marked. */
    public static final int MAX_DETAIL_CHARS = 1024;

    /** Most details per event. */
    public static final int MAX_DETAILS = 16;

    static final String ACK_FILE = "acknowledged";

    private final Path dir;
    private final String stream;
    private final AuditSettings settings;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    private final List<Segment> segments;
    private FileChannel current;
    private long currentSize;
    private long totalBytes;
    private AuditEvent last;
    private long acknowledged;
    private boolean overQuota;
    private boolean closed;

    /** What the log tells those who forward or show it. Callbacks run on the appending thread, outside the lock. */
    public interface Listener {
        /** An event was written and forced to disk. */
        default void appended(AuditEvent event) {}

        /** The quota alarm was raised or cleared. */
        default void quotaChanged(QuotaState state) {}
    }

    /**
     * Disk use against the quota.
     *
     * @param usedBytes bytes all segments take
     * @param quotaBytes the configured quota
     * @param alarm true while the log is over its quota even after pruning acknowledged segments
     * @param unacknowledged events the relay has not confirmed yet
     */
    public record QuotaState(long usedBytes, long quotaBytes, boolean alarm, long unacknowledged) {}

    private AuditLog(Path dir, String stream, AuditSettings settings, Clock clock) throws IOException {
        this.dir = dir;
        this.stream = stream;
        this.settings = settings;
        this.clock = clock;
        Files.createDirectories(dir);
        this.segments = new ArrayList<>(Segments.list(dir));
        this.acknowledged = readAcknowledged();
        recoverTail();
        for (Segment s : segments) {
            totalBytes += Files.size(s.file());
        }
        overQuota = totalBytes > settings.quota().bytes();
    }

    /**
     * Opens (or creates) the log in {@code dir}.
     *
     * @param stream the chain's name, {@code agent:<machineId>}
     * @throws AuditLogException if the directory cannot be read or written
     */
    public static AuditLog open(Path dir, String stream, AuditSettings settings, Clock clock) {
        try {
            return new AuditLog(dir, Objects.requireNonNull(stream, "stream"), settings, clock);
        } catch (IOException | RuntimeException e) {
            throw new AuditLogException("Cannot open the audit log in " + dir + ": " + e.getMessage(), e);
        }
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** The directory the log lives in. */
    public Path directory() {
        return dir;
    }

    /** The chain's name. */
    public String stream() {
        return stream;
    }

    /**
     * Appends an event timed now, forces it to disk and returns it sealed (sequence, hashes). Detail values longer
     * than {@link #MAX_DETAIL_CHARS} are cut and end in {@code …}; details beyond {@link #MAX_DETAILS} are refused.
     *
     * @throws AuditLogException if it cannot be written; the caller must then fail closed
     */
    public AuditEvent append(String type, String actor, String subject, Map<String, String> details) {
        AuditEvent event;
        QuotaState quotaChange;
        synchronized (lock) {
            event = appendLocked(type, actor, subject, details);
            quotaChange = checkQuotaLocked();
        }
        for (Listener l : listeners) {
            l.appended(event);
        }
        if (quotaChange != null) {
            if (quotaChange.alarm()) {
                AuditEvent alarm = append(
                        AuditEventTypes.AUDIT_QUOTA_REACHED,
                        actor(),
                        null,
                        Map.of(
                                "usedBytes", Long.toString(quotaChange.usedBytes()),
                                "quotaBytes", Long.toString(quotaChange.quotaBytes()),
                                "unacknowledged", Long.toString(quotaChange.unacknowledged())));
                LOG.warn(
                        "Audit log over its quota: {} of {} bytes used, {} events not yet acknowledged (event {})",
                        quotaChange.usedBytes(),
                        quotaChange.quotaBytes(),
                        quotaChange.unacknowledged(),
                        alarm.sequence());
            }
            for (Listener l : listeners) {
                l.quotaChanged(quotaChange);
            }
        }
        return event;
    }

    private String actor() {
        return stream;
    }

    private AuditEvent appendLocked(String type, String actor, String subject, Map<String, String> details) {
        if (closed) {
            throw new AuditLogException("The audit log is closed");
        }
        AuditEvent sealed = AuditChain.append(
                stream, last, AuditEvent.draft(type, actor, subject, clock.instant(), bounded(details)));
        byte[] line;
        try {
            line = (json.writeValueAsString(sealed) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new AuditLogException("Audit event cannot be serialised: " + e.getOriginalMessage(), e);
        }
        try {
            if (current == null
                    || (currentSize > 0
                            && currentSize + line.length
                                    > settings.segmentSize().bytes())) {
                startSegment(sealed.sequence());
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                current.write(buffer);
            }
            current.force(false);
        } catch (IOException e) {
            throw new AuditLogException("Cannot write the audit log in " + dir + ": " + e.getMessage(), e);
        }
        currentSize += line.length;
        totalBytes += line.length;
        last = sealed;
        return sealed;
    }

    private static Map<String, String> bounded(Map<String, String> details) {
        if (details == null) {
            return Map.of();
        }
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("an audit event carries at most " + MAX_DETAILS + " details");
        }
        Map<String, String> out = new LinkedHashMap<>();
        details.forEach((k, v) -> {
            String value = v == null ? "" : v;
            out.put(k, value.length() > MAX_DETAIL_CHARS ? value.substring(0, MAX_DETAIL_CHARS - 1) + "…" : value);
        });
        return out;
    }

    private void startSegment(long firstSequence) throws IOException {
        if (current != null) {
            current.close();
        }
        Path file = dir.resolve(Segments.fileName(firstSequence));
        current =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (segments.isEmpty() || !segments.get(segments.size() - 1).file().equals(file)) {
            segments.add(new Segment(file, firstSequence));
        }
        currentSize = current.size();
        forceDirectory();
    }

    private void forceDirectory() {
        // Makes the new file's directory entry durable on POSIX file systems; not supported everywhere.
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("directory fsync not supported for {}", dir);
        }
    }

    /** The last event written, or null for an empty log. */
    public AuditEvent last() {
        synchronized (lock) {
            return last;
        }
    }

    /** The sequence of the last event written, 0 for an empty log. */
    public long lastSequence() {
        synchronized (lock) {
            return last == null ? 0 : last.sequence();
        }
    }

    /** The highest sequence the relay has acknowledged, 0 for none. */
    public long acknowledged() {
        synchronized (lock) {
            return acknowledged;
        }
    }

    /**
     * Records that the relay committed every event up to {@code sequence}. Lower values than already recorded are
     * ignored; values beyond the last written event are refused (a confused relay must not make us skip events).
     *
     * @return true if the acknowledged sequence advanced
     */
    public boolean acknowledge(long sequence) {
        QuotaState quotaChange;
        synchronized (lock) {
            long lastSeq = last == null ? 0 : last.sequence();
            if (sequence > lastSeq) {
                LOG.warn("Relay acknowledged sequence {} but the log ends at {}; ignored", sequence, lastSeq);
                return false;
            }
            if (sequence <= acknowledged) {
                return false;
            }
            PrivateFiles.writeAtomically(dir.resolve(ACK_FILE), (sequence + "\n").getBytes(StandardCharsets.US_ASCII));
            acknowledged = sequence;
            quotaChange = checkQuotaLocked();
        }
        if (quotaChange != null) {
            for (Listener l : listeners) {
                l.quotaChanged(quotaChange);
            }
        }
        return true;
    }

    /** Disk use and alarm now. */
    public QuotaState quotaState() {
        synchronized (lock) {
            return stateLocked();
        }
    }

    private QuotaState stateLocked() {
        long lastSeq = last == null ? 0 : last.sequence();
        return new QuotaState(totalBytes, settings.quota().bytes(), overQuota, lastSeq - acknowledged);
    }

    /** Prunes acknowledged segments if over quota; returns the new state if the alarm flipped, else null. */
    private QuotaState checkQuotaLocked() {
        long quota = settings.quota().bytes();
        while (totalBytes > quota && segments.size() > 1) {
            Segment oldest = segments.get(0);
            long lastInOldest = segments.get(1).firstSequence() - 1;
            if (lastInOldest > acknowledged) {
                break;
            }
            try {
                long size = Files.size(oldest.file());
                Files.delete(oldest.file());
                totalBytes -= size;
                segments.remove(0);
                LOG.info(
                        "Pruned audit segment {} (all events acknowledged by the relay)",
                        oldest.file().getFileName());
            } catch (IOException e) {
                LOG.warn("Cannot prune audit segment {}: {}", oldest.file(), e.getMessage());
                break;
            }
        }
        boolean over = totalBytes > quota;
        if (over != overQuota) {
            overQuota = over;
            return stateLocked();
        }
        return null;
    }

    /**
     * A reader of the events after {@code afterSequence}, in order, that follows later appends. Used to resend
     * what the relay has not acknowledged.
     */
    public AuditReader reader(long afterSequence) {
        return new AuditReader(this, afterSequence);
    }

    Object lock() {
        return lock;
    }

    /** Segments now, oldest first; call with the lock held. */
    List<Segment> segmentsLocked() {
        return List.copyOf(segments);
    }

    /** Bytes of {@code file} that hold complete, forced lines; call with the lock held. */
    long committedLength(Path file) throws IOException {
        if (!segments.isEmpty() && segments.get(segments.size() - 1).file().equals(file) && current != null) {
            return currentSize;
        }
        return Files.size(file);
    }

    ObjectMapper json() {
        return json;
    }

    private long readAcknowledged() throws IOException {
        Path file = dir.resolve(ACK_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            LOG.warn("{} is damaged ('{}'); every event will be resent", file, text);
            return 0;
        }
    }

    /** Finds the last complete event, cutting off a torn last line, and reopens the last segment for appending. */
    private void recoverTail() throws IOException {
        for (int i = segments.size() - 1; i >= 0 && last == null; i--) {
            Segment s = segments.get(i);
            byte[] bytes = Files.readAllBytes(s.file());
            int end = bytes.length;
            int goodEnd = 0;
            AuditEvent lastHere = null;
            int lineStart = 0;
            for (int p = 0; p < end; p++) {
                if (bytes[p] == '\n') {
                    String line = new String(bytes, lineStart, p - lineStart, StandardCharsets.UTF_8);
                    try {
                        lastHere = json.readValue(line, AuditEvent.class);
                        goodEnd = p + 1;
                    } catch (JsonProcessingException e) {
                        // A damaged line in the middle is for `audit verify` to report; keep going.
                        goodEnd = p + 1;
                    }
                    lineStart = p + 1;
                }
            }
            if (goodEnd < end) {
                LOG.warn(
                        "Cut a torn last line ({} bytes) from {}",
                        end - goodEnd,
                        s.file().getFileName());
                try (FileChannel ch = FileChannel.open(s.file(), StandardOpenOption.WRITE)) {
                    ch.truncate(goodEnd);
                    ch.force(true);
                }
            }
            if (i == segments.size() - 1) {
                current = FileChannel.open(s.file(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                currentSize = current.size();
            }
            last = lastHere;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (current != null) {
                try {
                    current.close();
                } catch (IOException e) {
                    LOG.warn("Closing the audit log: {}", e.getMessage());
                }
                current = null;
            }
        }
    }
}
