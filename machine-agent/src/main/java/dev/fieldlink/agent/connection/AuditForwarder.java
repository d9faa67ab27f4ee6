package dev.fieldlink.agent.connection;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.audit.AuditReader;
import dev.fieldlink.agent.session.RelayLink;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.control.ControlMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the audit events the relay has not acknowledged, one batch at a time: after every (re)connect it starts again
 * after the last acknowledged sequence (the relay ignores sequences it already holds), sends the next batch when the
 * previous one is acknowledged, and starts over if an acknowledgement does not come within {@link #ACK_TIMEOUT}.
 *
 * <p>Thread-safe.
 */
final class AuditForwarder implements AuditLog.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(AuditForwarder.class);

    /** Events per batch. */
    static final int MAX_EVENTS = 200;

    /** JSON bytes per batch, well under the control channel's 64 KiB line limit. */
    static final long MAX_BYTES = 48 * 1024;

    /** A batch not acknowledged within this time is sent again. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final AuditLog audit;
    private final Clock clock;
    private RelayLink link;
    private AuditReader reader;
    private long awaiting;
    private Instant sentAt = Instant.MIN;

    AuditForwarder(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** A connection is up: resend everything not acknowledged. */
    synchronized void start(RelayLink newLink) {
        link = newLink;
        restart();
    }

    synchronized void stop() {
        link = null;
        reader = null;
        awaiting = 0;
    }

    @Override
    public synchronized void appended(AuditEvent event) {
        if (link != null && awaiting == 0) {
            sendNext();
        }
    }

    /** The relay committed events up to {@code ack.sequence()}. */
    synchronized void acknowledged(ControlMessage.AuditAck ack) {
        if (!audit.stream().equals(ack.stream())) {
            LOG.warn("Relay acknowledged stream {} but this agent writes {}", ack.stream(), audit.stream());
            return;
        }
        audit.acknowledge(ack.sequence());
        if (link != null && ack.sequence() >= awaiting) {
            awaiting = 0;
            sendNext();
        }
    }

    /** Sends again if an acknowledgement is overdue; call periodically. */
    synchronized void tick() {
        if (link != null && awaiting > 0 && clock.instant().isAfter(sentAt.plus(ACK_TIMEOUT))) {
            LOG.info(
                    "No acknowledgement for audit events up to {}; sending again from {}",
                    awaiting,
                    audit.acknowledged() + 1);
            restart();
        }
    }

    private void restart() {
        reader = audit.reader(audit.acknowledged());
        awaiting = 0;
        sendNext();
    }

    private void sendNext() {
        List<AuditEvent> batch = reader.next(MAX_EVENTS, MAX_BYTES);
        if (batch.isEmpty()) {
            return;
        }
        if (link.send(new ControlMessage.AuditBatch(batch))) {
            awaiting = batch.get(batch.size() - 1).sequence();
            sentAt = clock.instant();
        } else {
            reader = audit.reader(batch.get(0).sequence() - 1);
        }
    }
}
