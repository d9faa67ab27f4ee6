package dev.fieldlink.agent.panel;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.connection.ConnectionStatus;
import dev.fieldlink.agent.session.ActionEntry;
import dev.fieldlink.agent.session.ActiveSession;
import dev.fieldlink.agent.session.ConsentRequest;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.api.ChatLine;
import dev.fieldlink.protocol.session.EndCause;
import java.awt.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the operator panel shows. Confined to the event dispatch thread: only {@link PanelController} changes it
 * (on the EDT), views read it when told it changed.
 */
public final class PanelModel {
    /** Feed lines kept; older ones scroll away (they stay in the audit log). */
    public static final int FEED_LIMIT = 500;

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    ConnectionStatus connection;
    CustomerSwitches switches;
    AuditLog.QuotaState quota;
    ConsentRequest consent;
    ActiveSession active;
    final List<ActionEntry> feed = new ArrayList<>();
    final List<ChatLine> chat = new ArrayList<>();
    EndCause lastEnd;
    String lastEndSession;
    Point pointer;

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    void changed() {
        listeners.forEach(Runnable::run);
    }

    public ConnectionStatus connection() {
        return connection;
    }

    public CustomerSwitches switches() {
        return switches;
    }

    public AuditLog.QuotaState quota() {
        return quota;
    }

    /** The open consent request, or null. */
    public ConsentRequest consent() {
        return consent;
    }

    /** The active session, or null. */
    public ActiveSession active() {
        return active;
    }

    public List<ActionEntry> feed() {
        return List.copyOf(feed);
    }

    public List<ChatLine> chat() {
        return List.copyOf(chat);
    }

    /** Why the last session or request ended, or null. */
    public EndCause lastEnd() {
        return lastEnd;
    }

    /** The technician's pointer on the screen, or null when no session is active. */
    public Point pointer() {
        return pointer;
    }
}
