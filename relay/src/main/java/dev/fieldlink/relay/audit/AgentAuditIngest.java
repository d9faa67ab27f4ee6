package dev.fieldlink.relay.audit;

import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Stores events an agent uploads from its own chain ({@code agent:<machineId>}), with the agent's hashes. A batch is
 * committed in one transaction before it is acknowledged; events already stored (same sequence, same hash) are
 * skipped, so a resent batch is harmless. An event for another stream, a gap, a link that does not continue the
 * stored chain, or a hash that does not match its content is refused: nothing of that batch from that event on is
 * stored, and the agent is told why. Thread-safe; batches of one machine are serialised.
 */
public final class AgentAuditIngest {
    /** The result of one batch. */
    public sealed interface Outcome {
        /** Everything up to {@code sequence} of {@code stream} is committed (0 for an empty stream). */
        record Committed(String stream, long sequence, int stored, int duplicates) implements Outcome {}

        /** The batch was refused at {@code sequence}; events before it were committed up to {@code committed}. */
        record Refused(String stream, long sequence, long committed, String problem) implements Outcome {}
    }

    private final AuditRepository repository;
    private final Clock clock;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    public AgentAuditIngest(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The stream name of a machine's agent chain. */
    public static String streamOf(String machineId) {
        return "agent:" + machineId;
    }

    /** Commits what continues the machine's stored chain. */
    public Outcome accept(String machineId, List<AuditEvent> events) {
        String stream = streamOf(machineId);
        Object lock = locks.computeIfAbsent(machineId, k -> new Object());
        synchronized (lock) {
            return repository.jdbc().inTransaction(() -> store(stream, events));
        }
    }

    /** The highest committed sequence of the machine's stream (0 when empty). */
    public long committed(String machineId) {
        return repository.head(streamOf(machineId)).map(AuditEvent::sequence).orElse(0L);
    }

    private Outcome store(String stream, List<AuditEvent> events) {
        Optional<AuditEvent> stored = repository.head(stream);
        long headSeq = stored.map(AuditEvent::sequence).orElse(0L);
        String headHash = stored.map(AuditEvent::hash).orElse(AuditChain.GENESIS);
        int added = 0;
        int duplicates = 0;
        for (AuditEvent e : events) {
            String problem = null;
            if (!stream.equals(e.stream())) {
                problem =
                        "event belongs to stream '" + e.stream() + "', this connection may only write '" + stream + "'";
            } else if (e.sequence() <= headSeq) {
                Optional<AuditEvent> same = repository.find(stream, e.sequence());
                if (same.isPresent() && Objects.equals(same.get().hash(), e.hash())) {
                    duplicates++;
                    continue;
                }
                problem = "sequence " + e.sequence() + " is already stored with a different hash";
            } else if (e.sequence() != headSeq + 1) {
                problem = "expected sequence " + (headSeq + 1) + " but got " + e.sequence() + " (gap)";
            } else if (e.time() == null || e.type() == null) {
                problem = "event " + e.sequence() + " lacks type or time";
            } else if (!headHash.equals(e.prevHash())) {
                problem = "prevHash of sequence " + e.sequence() + " does not continue the stored chain";
            } else if (!Objects.equals(e.hash(), AuditChain.hashOf(e))) {
                problem = "hash of sequence " + e.sequence() + " does not match its content";
            }
            if (problem != null) {
                return new Outcome.Refused(stream, e.sequence(), headSeq, problem);
            }
            repository.insert(e, clock.instant());
            headSeq = e.sequence();
            headHash = e.hash();
            added++;
        }
        return new Outcome.Committed(stream, headSeq, added, duplicates);
    }
}
