package dev.fieldlink.console.ui.session;

import dev.fieldlink.console.relay.CancelToken;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.relay.RelayException;
import dev.fieldlink.console.relay.SessionEventStream;
import dev.fieldlink.console.ui.ErrorTexts;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.UiTasks;
import dev.fieldlink.protocol.api.ChatLine;
import dev.fieldlink.protocol.api.MachineView;
import dev.fieldlink.protocol.api.SessionEvent;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session from request to end. Sends the request, follows the relay's session events, counts down on the
 * injected clock, and words every outcome. The relay decides everything; this only shows and asks. Reports its
 * {@link State} on the UI executor; call its methods on the UI thread.
 */
public final class SessionController {
    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);

    /** Where the session is, as the screens see it. */
    public enum Stage {
        /** The request is being sent. */
        REQUESTING,
        /** Waiting for the operator's answer. */
        WAITING,
        /** The operator allowed it; the screen may be open. */
        ACTIVE,
        /** It never started: refused by the relay, declined, timed out or withdrawn. */
        NOT_STARTED,
        /** It was active and is over. */
        ENDED
    }

    /**
     * @param session the relay's last word on the session (null while requesting or when the request was refused)
     * @param deadline consent deadline while waiting, expiry while active, else null
     * @param outcome the sentence for {@link Stage#NOT_STARTED} and {@link Stage#ENDED}, else null
     * @param notice a passing note (extension answered, a failed chat line), or null
     * @param busy an action (end, extend, cancel) is under way
     */
    public record State(
            Stage stage,
            MachineView machine,
            SessionView session,
            Instant deadline,
            String outcome,
            List<ChatLine> chat,
            String notice,
            boolean busy,
            boolean eventsConnected) {
        public State {
            chat = List.copyOf(chat);
        }
    }

    private final RelayClient client;
    private final UiTasks tasks;
    private final Messages messages;
    private final ErrorTexts errors;
    private final Clock clock;
    private final String technicianName;
    private Consumer<State> listener = s -> {};
    private State state;
    private SessionEventStream events;
    private CancelToken pending;
    /*
     * A request withdrawn (or abandoned) while it was being sent may still have been created by the relay, and the
     * operator asked. Whichever side learns last of the two facts (the id, the withdrawal) ends it, exactly once.
     */
    private volatile boolean withdrawn;
    private volatile String createdId;
    private final AtomicBoolean withdrawnEndSent = new AtomicBoolean();

    public SessionController(
            RelayClient client,
            UiTasks tasks,
            Messages messages,
            Clock clock,
            MachineView machine,
            String technicianName) {
        this.client = Objects.requireNonNull(client, "client");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorTexts(messages);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.technicianName = technicianName;
        this.state = new State(Stage.REQUESTING, machine, null, null, null, List.of(), null, false, false);
    }

    public void setListener(Consumer<State> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        listener.accept(state);
    }

    public State state() {
        return state;
    }

    /** Time left until the deadline on the injected clock; zero when none or passed. */
    public Duration remaining() {
        if (state.deadline() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), state.deadline());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Sends the request for the form; the state moves to {@link Stage#WAITING} or {@link Stage#NOT_STARTED}. */
    public void request(SessionRequestForm form) {
        MachineView machine = state.machine();
        update(new State(Stage.REQUESTING, machine, null, null, null, List.of(), null, true, false));
        // Not cancellable: cutting a POST short leaves unknown whether the relay created the request. A withdrawal
        // waits for the answer and ends what it created.
        pending = tasks.run(
                cancel -> {
                    SessionView created = client.requestSession(form.toRequest(machine.id()));
                    createdId = created.id();
                    if (withdrawn) {
                        endWithdrawn(created.id());
                    }
                    return created;
                },
                session -> {
                    pending = null;
                    apply(session);
                    if (!state.stage().equals(Stage.NOT_STARTED)
                            && !state.stage().equals(Stage.ENDED)) {
                        follow(session.id());
                    }
                },
                failure -> {
                    pending = null;
                    update(with(Stage.NOT_STARTED, null, null, refusal(failure)));
                });
    }

    /** Follows an existing session (e.g. one the CLI started, or after the window was reopened). */
    public void attach(SessionView session) {
        apply(session);
        if (!state.stage().equals(Stage.NOT_STARTED) && !state.stage().equals(Stage.ENDED)) {
            follow(session.id());
        }
    }

    private void follow(String sessionId) {
        events = client.sessionEvents(sessionId, new SessionEventStream.Listener() {
            @Override
            public void onEvent(SessionEvent event) {
                tasks.onUi(() -> handle(event));
            }

            @Override
            public void onConnection(boolean connected, RelayException cause) {
                tasks.onUi(() -> {
                    update(copy(state.notice(), state.busy(), connected));
                    if (connected) {
                        resync();
                    }
                });
            }

            @Override
            public void onStopped(RelayException cause) {
                tasks.onUi(() -> {
                    update(copy(state.notice(), state.busy(), false));
                    if (cause != null && !isOver()) {
                        resync();
                    }
                });
            }
        });
    }

    /** Reads the session again, for when events may have been missed. */
    public void resync() {
        SessionView session = state.session();
        if (session == null || isOver()) {
            return;
        }
        tasks.run(cancel -> client.cancellable(cancel).session(session.id()), this::apply, failure -> {});
    }

    /** Called every second by the view: when a deadline passed, asks the relay what happened. */
    public void tick() {
        if (!isOver() && state.deadline() != null && remaining().isZero()) {
            resync();
        }
        listener.accept(state);
    }

    void handle(SessionEvent event) {
        if (isOver() || state.session() == null || !state.session().id().equals(event.sessionId())) {
            return;
        }
        switch (event.kind()) {
            case SessionEvent.STATE -> {
                SessionView s = state.session();
                SessionView next = new SessionView(
                        s.id(),
                        s.machineId(),
                        s.technicianId(),
                        event.state(),
                        s.reason(),
                        s.caseNumber(),
                        s.requestedMinutes(),
                        s.grantedMinutes(),
                        s.createdAt(),
                        s.consentDeadline(),
                        s.startedAt(),
                        event.expiresAt() != null ? event.expiresAt() : s.expiresAt(),
                        s.endedAt(),
                        event.endCause());
                apply(next);
                if (event.state() == SessionState.ACTIVE && event.expiresAt() == null) {
                    resync();
                }
            }
            case SessionEvent.CHAT -> {
                if (event.chat() != null) {
                    List<ChatLine> chat = new ArrayList<>(state.chat());
                    chat.add(event.chat());
                    update(new State(
                            state.stage(),
                            state.machine(),
                            state.session(),
                            state.deadline(),
                            state.outcome(),
                            chat,
                            state.notice(),
                            state.busy(),
                            state.eventsConnected()));
                }
            }
            case SessionEvent.REMAINING -> {
                if (event.remainingSeconds() != null && state.stage() == Stage.ACTIVE) {
                    Instant deadline = clock.instant().plusSeconds(event.remainingSeconds());
                    update(new State(
                            state.stage(),
                            state.machine(),
                            state.session(),
                            deadline,
                            state.outcome(),
                            state.chat(),
                            state.notice(),
                            state.busy(),
                            state.eventsConnected()));
                }
            }
            case SessionEvent.EXTENSION -> {
                boolean granted = event.expiresAt() != null
                        && (state.deadline() == null || event.expiresAt().isAfter(state.deadline()));
                State next = new State(
                        state.stage(),
                        state.machine(),
                        state.session(),
                        granted ? event.expiresAt() : state.deadline(),
                        state.outcome(),
                        state.chat(),
                        messages.get(granted ? "session.extension.granted" : "session.extension.declined"),
                        false,
                        state.eventsConnected());
                update(next);
            }
            default -> {
                // a newer relay's event kind: nothing to show
            }
        }
    }

    /**
     * Withdraws the request while waiting. While it is still being sent, the console shows it withdrawn at once; if
     * the relay turns out to have created it, it is ended as soon as its id is known.
     */
    public void cancel() {
        if (pending != null && state.stage() == Stage.REQUESTING) {
            pending.cancel();
            pending = null;
            withdraw();
            update(with(Stage.NOT_STARTED, null, null, messages.get("session.outcome.CANCELLED")));
            return;
        }
        endOrWithdraw();
    }

    /** Marks a request in flight as withdrawn, and ends it if its id is already known (else the sender will). */
    private void withdraw() {
        withdrawn = true;
        String id = createdId;
        if (id != null) {
            tasks.run(
                    cancel -> {
                        endWithdrawn(id);
                        return Boolean.TRUE;
                    },
                    ok -> {},
                    failure -> {});
        }
    }

    /** Ends a request withdrawn while it was being sent; on a worker thread. */
    private void endWithdrawn(String id) {
        if (!withdrawnEndSent.compareAndSet(false, true)) {
            return;
        }
        try {
            client.endSession(id, null);
        } catch (RuntimeException e) {
            LOG.warn("Could not withdraw session {} that was requested while withdrawing: {}", id, e.toString());
        }
    }

    /**
     * The id of the session the relay still holds open (waiting for consent or active), for ending it when the
     * technician signs out; empty when there is none or it is over.
     */
    public Optional<String> openSessionId() {
        SessionView session = state.session();
        return session == null || isOver() ? Optional.empty() : Optional.of(session.id());
    }

    /**
     * Ends the session for closing its window, and then calls {@code done} on the UI executor with null when it is
     * over, or with the failure in words when ending failed (the window closes either way).
     */
    public void endForClose(Consumer<String> done) {
        SessionView session = state.session();
        if (session == null || isOver()) {
            done.accept(null);
            return;
        }
        endThenReread(
                session,
                ended -> {
                    apply(ended);
                    done.accept(null);
                },
                failure -> {
                    String text = errors.describe(failure, client.address().display());
                    update(copy(text, false, state.eventsConnected()));
                    done.accept(text);
                });
    }

    /** Ends the active session. */
    public void end() {
        endOrWithdraw();
    }

    private void endOrWithdraw() {
        SessionView session = state.session();
        if (session == null || isOver() || state.busy()) {
            return;
        }
        endThenReread(
                session,
                this::apply,
                failure -> update(
                        copy(errors.describe(failure, client.address().display()), false, state.eventsConnected())));
    }

    /** Shows the window busy, ends the session on a worker and reads it back for its final state. */
    private void endThenReread(SessionView session, Consumer<SessionView> ended, Consumer<RuntimeException> failed) {
        update(copy(null, true, state.eventsConnected()));
        tasks.run(
                cancel -> {
                    client.cancellable(cancel).endSession(session.id(), null);
                    return client.cancellable(cancel).session(session.id());
                },
                ended,
                failed);
    }

    /** Asks the operator for more minutes; the answer arrives as an event. */
    public void extend(int additionalMinutes) {
        SessionView session = state.session();
        if (session == null || state.stage() != Stage.ACTIVE || state.busy()) {
            return;
        }
        update(copy(messages.get("session.extension.asked", additionalMinutes), true, state.eventsConnected()));
        tasks.run(
                cancel -> {
                    client.cancellable(cancel).extendSession(session.id(), additionalMinutes);
                    return Boolean.TRUE;
                },
                ok -> update(copy(state.notice(), false, state.eventsConnected())),
                failure -> update(
                        copy(errors.describe(failure, client.address().display()), false, state.eventsConnected())));
    }

    /** Sends a chat line; it shows once the relay echoes it as an event (or at once if events are down). */
    public void send(String text) {
        SessionView session = state.session();
        String line = text == null ? "" : text.strip();
        if (session == null || line.isEmpty() || state.stage() != Stage.ACTIVE) {
            return;
        }
        tasks.run(
                cancel -> {
                    client.cancellable(cancel).sendMessage(session.id(), line);
                    return line;
                },
                sent -> {
                    if (!state.eventsConnected()) {
                        List<ChatLine> chat = new ArrayList<>(state.chat());
                        chat.add(new ChatLine(ChatLine.FROM_TECHNICIAN, technicianName, sent, clock.instant()));
                        update(new State(
                                state.stage(),
                                state.machine(),
                                state.session(),
                                state.deadline(),
                                state.outcome(),
                                chat,
                                state.notice(),
                                state.busy(),
                                state.eventsConnected()));
                    }
                },
                failure -> update(copy(
                        messages.get(
                                "session.chat.failed",
                                errors.describe(failure, client.address().display())),
                        state.busy(),
                        state.eventsConnected())));
    }

    /** The screen connection dropped while the session is active: says so (the relay will end it). */
    public void screenLost(String why) {
        if (state.stage() == Stage.ACTIVE) {
            update(copy(messages.get("session.screenLost", why), state.busy(), state.eventsConnected()));
            resync();
        }
    }

    /**
     * Stops following events; call when the window closes. A request still being sent is withdrawn (ended once the
     * relay answers with its id).
     */
    public void close() {
        if (events != null) {
            events.close();
            events = null;
        }
        if (pending != null) {
            pending.cancel();
            pending = null;
            withdraw();
        }
    }

    public boolean isOver() {
        return state.stage() == Stage.NOT_STARTED || state.stage() == Stage.ENDED;
    }

    private void apply(SessionView session) {
        if (isOver()) {
            return;
        }
        SessionState s = session.state();
        switch (s) {
            case PENDING_CONSENT -> update(with(Stage.WAITING, session, session.consentDeadline(), null));
            case ACTIVE -> update(with(Stage.ACTIVE, session, session.expiresAt(), null));
            case DECLINED, EXPIRED, CANCELLED -> update(with(Stage.NOT_STARTED, session, null, outcome(session)));
            case ENDED -> update(with(Stage.ENDED, session, null, endText(session.endCause())));
        }
        if (isOver() && events != null) {
            events.close();
            events = null;
        }
    }

    private String outcome(SessionView session) {
        String site = state.machine().site();
        return switch (session.state()) {
            case DECLINED -> messages.get("session.outcome.DECLINED", site);
            case EXPIRED -> messages.get("session.outcome.EXPIRED", site);
            case CANCELLED -> messages.get("session.outcome.CANCELLED");
            default -> "";
        };
    }

    /** The sentence for an end cause. */
    public String endText(EndCause cause) {
        return messages.get("session.end." + (cause == null ? "UNKNOWN" : cause.name()));
    }

    private String refusal(RuntimeException failure) {
        return errors.describe(failure, client.address().display());
    }

    private State with(Stage stage, SessionView session, Instant deadline, String outcome) {
        return new State(
                stage, state.machine(), session, deadline, outcome, state.chat(), null, false, state.eventsConnected());
    }

    private State copy(String notice, boolean busy, boolean connected) {
        return new State(
                state.stage(),
                state.machine(),
                state.session(),
                state.deadline(),
                state.outcome(),
                state.chat(),
                notice,
                busy,
                connected);
    }

    private void update(State next) {
        state = next;
        listener.accept(next);
    }
}
