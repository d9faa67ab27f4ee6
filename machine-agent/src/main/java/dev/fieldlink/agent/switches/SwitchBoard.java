package dev.fieldlink.agent.switches;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The customer's switches as they are now. Every change is an audit event and is passed to the listeners (the
 * connection, the session controller, the config file, the panel). Thread-safe.
 */
public final class SwitchBoard {
    private final AuditLog audit;
    private final String machineId;
    private final List<Consumer<CustomerSwitches>> listeners = new CopyOnWriteArrayList<>();
    private CustomerSwitches current;

    public SwitchBoard(CustomerSwitches initial, AuditLog audit, String machineId) {
        this.current = initial;
        this.audit = audit;
        this.machineId = machineId;
    }

    public synchronized CustomerSwitches current() {
        return current;
    }

    public void addListener(Consumer<CustomerSwitches> listener) {
        listeners.add(listener);
    }

    /**
     * Records a change made while the agent was not running (the config file was edited): when {@code previous}, the
     * switches the agent last ran with, differ from the current ones, a {@code SWITCH_CHANGED} event by {@code actor}
     * is written.
     */
    public synchronized void recordOfflineChange(CustomerSwitches previous, String actor) {
        if (previous != null && !previous.equals(current)) {
            audit.append(AuditEventTypes.SWITCH_CHANGED, actor, "machine:" + machineId, details(previous, current));
        }
    }

    private static Map<String, String> details(CustomerSwitches before, CustomerSwitches next) {
        return Map.of(
                "remoteService", before.remoteService() + " -> " + next.remoteService(),
                "fileTransfer", before.fileTransfer() + " -> " + next.fileTransfer(),
                "dataUpload", before.dataUpload() + " -> " + next.dataUpload());
    }

    /**
     * Sets the switches. Nothing happens when they are unchanged.
     *
     * @param actor who changed them, e.g. {@code operator:<machineId>} (after the admin PIN) or {@code config}
     */
    public void set(CustomerSwitches next, String actor) {
        CustomerSwitches before;
        synchronized (this) {
            if (next.equals(current)) {
                return;
            }
            before = current;
            current = next;
            audit.append(AuditEventTypes.SWITCH_CHANGED, actor, "machine:" + machineId, details(before, next));
        }
        listeners.forEach(l -> l.accept(next));
    }
}
