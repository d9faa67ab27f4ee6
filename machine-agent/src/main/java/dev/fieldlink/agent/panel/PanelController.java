package dev.fieldlink.agent.panel;

import dev.fieldlink.agent.Agent;
import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.connection.ConnectionStatus;
import dev.fieldlink.agent.session.ActionEntry;
import dev.fieldlink.agent.session.ActiveSession;
import dev.fieldlink.agent.session.ConsentDecision;
import dev.fieldlink.agent.session.ConsentRequest;
import dev.fieldlink.agent.session.Operator;
import dev.fieldlink.agent.session.SessionController;
import dev.fieldlink.agent.session.SessionListener;
import dev.fieldlink.agent.switches.AdminPin;
import dev.fieldlink.agent.switches.SwitchBoard;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.api.ChatLine;
import dev.fieldlink.protocol.session.EndCause;
import java.awt.Point;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * Connects the agent to the operator panel: it is the agent's {@link Operator} and observes sessions, the
 * connection, switches and the audit quota, updating the {@link PanelModel} on the EDT. The operator's actions
 * ({@link #allow}, {@link #decline}, {@link #endNow}, {@link #sendChat}, {@link #changeSwitches}) run on a
 * background executor, never on the EDT (they write the audit log and talk to the relay). Tests drive the panel
 * through these methods instead of clicking pixels.
 *
 * <p>Thread-safe.
 */
public final class PanelController implements Operator, SessionListener, Consumer<ConnectionStatus>, AuditLog.Listener {
    private final PanelModel model = new PanelModel();
    private volatile SessionController sessions;
    private volatile SwitchBoard switches;
    private final AdminPin pin;
    private final Clock clock;
    private final Executor background;
    private final String operatorName;
    private Consumer<ConsentDecision> answer;
    private String answerFor;

    /**
     * A controller not yet attached: pass it to {@link dev.fieldlink.agent.Agent.Builder#operator}, then call {@link
     * #attach} with the built agent.
     */
    public PanelController(AdminPin pin, Clock clock, Executor background, String operatorName) {
        this.pin = pin;
        this.clock = clock;
        this.background = background;
        this.operatorName = operatorName;
    }

    /** Starts observing {@code agent}: sessions, switches, connection and audit quota. */
    public void attach(Agent agent) {
        this.sessions = agent.sessions();
        this.switches = agent.switches();
        sessions.addListener(this);
        switches.addListener(s -> update(() -> model.switches = s));
        agent.connection().addListener(this);
        agent.audit().addListener(this);
        CustomerSwitches now = switches.current();
        ConnectionStatus status = agent.connection().status();
        AuditLog.QuotaState quota = agent.audit().quotaState();
        update(() -> {
            model.switches = now;
            model.connection = status;
            model.quota = quota;
        });
    }

    public PanelModel model() {
        return model;
    }

    public Clock clock() {
        return clock;
    }

    private static void onEdt(Runnable r) {
        Runnable apply = r;
        SwingUtilities.invokeLater(apply);
    }

    private void update(Runnable change) {
        onEdt(() -> {
            change.run();
            model.changed();
        });
    }

    // ---- from the agent (any thread) -----------------------------------------------------------------------

    @Override
    public synchronized void consentRequested(ConsentRequest request, Consumer<ConsentDecision> decide) {
        answer = decide;
        answerFor = request.sessionId();
        update(() -> model.consent = request);
    }

    @Override
    public synchronized void consentWithdrawn(String sessionId, EndCause cause) {
        if (sessionId.equals(answerFor)) {
            answer = null;
            answerFor = null;
        }
        update(() -> {
            if (model.consent != null && model.consent.sessionId().equals(sessionId)) {
                model.consent = null;
            }
        });
    }

    @Override
    public void sessionStarted(ActiveSession session) {
        update(() -> {
            model.active = session;
            if (model.consent != null && model.consent.sessionId().equals(session.sessionId())) {
                model.consent = null;
            }
            model.feed.clear();
            model.chat.clear();
            model.lastEnd = null;
        });
    }

    @Override
    public void sessionExtended(ActiveSession session) {
        update(() -> {
            model.active = session;
            model.consent = null;
        });
    }

    @Override
    public void sessionEnded(String sessionId, EndCause cause, String detail) {
        update(() -> {
            if (model.active != null && model.active.sessionId().equals(sessionId)) {
                model.active = null;
            }
            if (model.consent != null && model.consent.sessionId().equals(sessionId)) {
                model.consent = null;
            }
            model.pointer = null;
            model.lastEnd = cause;
            model.lastEndSession = sessionId;
        });
    }

    @Override
    public void action(ActionEntry entry) {
        update(() -> {
            model.feed.add(entry);
            if (model.feed.size() > PanelModel.FEED_LIMIT) {
                model.feed.remove(0);
            }
        });
    }

    @Override
    public void chat(ChatLine line) {
        update(() -> model.chat.add(line));
    }

    @Override
    public void pointerMoved(int x, int y) {
        update(() -> model.pointer = new Point(x, y));
    }

    @Override
    public void accept(ConnectionStatus status) {
        update(() -> model.connection = status);
    }

    @Override
    public void quotaChanged(AuditLog.QuotaState state) {
        update(() -> model.quota = state);
    }

    // ---- the operator's actions (any thread; work happens in the background) -------------------------------

    /** Allow the open request for {@code minutes} (one of its {@link ConsentRequest#durationChoices()}). */
    public CompletableFuture<Boolean> allow(int minutes) {
        return answer(ConsentDecision.allow(minutes, operatorName));
    }

    public CompletableFuture<Boolean> decline() {
        return answer(ConsentDecision.decline(operatorName));
    }

    private synchronized CompletableFuture<Boolean> answer(ConsentDecision decision) {
        Consumer<ConsentDecision> a = answer;
        answer = null;
        answerFor = null;
        if (a == null) {
            return CompletableFuture.completedFuture(false);
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    a.accept(decision);
                    return true;
                },
                background);
    }

    public CompletableFuture<Void> endNow() {
        return CompletableFuture.runAsync(sessions::endByOperator, background);
    }

    public CompletableFuture<Boolean> sendChat(String text) {
        return CompletableFuture.supplyAsync(() -> sessions.sendChat(operatorName, text), background);
    }

    /** Checks the admin PIN (slow: Argon2id) and, if right, sets the switches. */
    public CompletableFuture<AdminPin.Result> changeSwitches(char[] enteredPin, CustomerSwitches next) {
        return CompletableFuture.supplyAsync(
                () -> {
                    AdminPin.Result r = pin.check(enteredPin);
                    if (r == AdminPin.Result.ACCEPTED) {
                        switches.set(next, "operator:" + operatorName);
                    }
                    return r;
                },
                background);
    }

    /** Time left of the active session, on the agent's clock; zero without one. */
    public Duration remaining() {
        ActiveSession a = model.active;
        return a == null ? Duration.ZERO : Duration.between(clock.instant(), a.expiresAt());
    }

    /** Time left to answer the open request; zero without one. */
    public Duration consentRemaining() {
        ConsentRequest c = model.consent;
        return c == null ? Duration.ZERO : Duration.between(clock.instant(), c.deadline());
    }
}
