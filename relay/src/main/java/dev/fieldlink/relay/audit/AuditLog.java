package dev.fieldlink.relay.audit;

import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.relay.db.DataAccessException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's own audit stream ({@value #STREAM}). Each {@link #record} seals the event into the hash chain and
 * commits it before returning. Appends are serialised in this process; another process writing the same database
 * (the admin CLI) is detected by the primary key and the append retried on the new head, so the chain never forks.
 *
 * <p>Detail values are cut to {@value #MAX_DETAIL_LENGTH} characters. Never pass secrets. Thread-safe.
 */
public final class AuditLog {
    /** The relay's stream name. */
    public static final String STREAM = "relay";

    /** Longest detail value stored; longer values are cut and end in an ellipsis. */
    public static final int MAX_DETAIL_LENGTH = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int ATTEMPTS = 5;

    private final AuditRepository repository;
    private final Clock clock;
    private final List<Consumer<AuditEvent>> observers = new CopyOnWriteArrayList<>();
    private AuditEvent head;
    private boolean headLoaded;

    public AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Called after every committed event of this log (metrics, tests); must be quick and not throw. */
    public void addObserver(Consumer<AuditEvent> observer) {
        observers.add(observer);
    }

    /**
     * Seals and commits an event at the clock's current time.
     *
     * @param details facts about the event, never secrets; null values are left out
     * @return the committed event
     * @throws DataAccessException if the database refuses it
     */
    public AuditEvent record(String type, String actor, String subject, Map<String, String> details) {
        if (repository.jdbc().isInTransaction()) {
            throw new IllegalStateException("audit events are committed on their own, not inside a transaction");
        }
        Map<String, String> clean = new LinkedHashMap<>();
        if (details != null) {
            details.forEach((k, v) -> {
                if (k != null && v != null) {
                    clean.put(k, v.length() > MAX_DETAIL_LENGTH ? v.substring(0, MAX_DETAIL_LENGTH - 1) + "…" : v);
                }
            });
        }
        // Actor and subject may carry what a client sent (an id in a URL): bounded to their columns before sealing.
        AuditEvent draft = AuditEvent.draft(
                type, bounded(actor, MAX_NAME_LENGTH), bounded(subject, MAX_NAME_LENGTH), clock.instant(), clean);
        AuditEvent sealed;
        synchronized (this) {
            sealed = append(draft);
        }
        for (Consumer<AuditEvent> o : observers) {
            try {
                o.accept(sealed);
            } catch (RuntimeException e) {
                LOG.warn("audit observer failed: {}", e.toString());
            }
        }
        return sealed;
    }

    /** Shorthand for events without details. */
    public AuditEvent record(String type, String actor, String subject) {
        return record(type, actor, subject, Map.of());
    }

    /** The longest actor or subject stored (the columns' width). */
    static final int MAX_NAME_LENGTH = 200;

    private static String bounded(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private AuditEvent append(AuditEvent draft) {
        DataAccessException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (!headLoaded) {
                head = repository.head(STREAM).orElse(null);
                headLoaded = true;
            }
            AuditEvent sealed = AuditChain.append(STREAM, head, draft);
            try {
                repository.insert(sealed, clock.instant());
                head = sealed;
                return sealed;
            } catch (DataAccessException e) {
                headLoaded = false;
                last = e;
                if (!e.isUniqueViolation()) {
                    break;
                }
            }
        }
        LOG.error("could not commit audit event {}: {}", draft.type(), last.getMessage());
        throw last;
    }
}
