package dev.fieldlink.agent.session;

import dev.fieldlink.protocol.session.EndCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An operator without a screen, for the sandbox and tests: approves (with a duration), declines, or never answers,
 * optionally after a delay. The behaviour can be changed at any time. Thread-safe.
 */
public final class SimulatedOperator implements Operator {
    /** What the simulated operator does with a request. */
    public sealed interface Behaviour {
        /** Allows the requested duration, capped by the machine's maximum and by {@code maxMinutes} (0: no cap). */
        record Approve(int maxMinutes) implements Behaviour {}

        record Decline() implements Behaviour {}

        /** Lets the request time out. */
        record NeverAnswer() implements Behaviour {}
    }

    public static Behaviour approve() {
        return new Behaviour.Approve(0);
    }

    public static Behaviour approveAtMost(int minutes) {
        return new Behaviour.Approve(minutes);
    }

    public static Behaviour decline() {
        return new Behaviour.Decline();
    }

    public static Behaviour neverAnswer() {
        return new Behaviour.NeverAnswer();
    }

    private final String name;
    private final ScheduledExecutorService scheduler;
    private final List<ConsentRequest> seen = new ArrayList<>();
    private final List<String> withdrawn = new ArrayList<>();
    private volatile Behaviour behaviour;
    private volatile Duration delay;

    /**
     * @param name who answers, as written in the audit log
     * @param scheduler runs delayed answers; with a zero delay answers come on the caller's thread
     */
    public SimulatedOperator(String name, Behaviour behaviour, Duration delay, ScheduledExecutorService scheduler) {
        this.name = name;
        this.behaviour = behaviour;
        this.delay = delay;
        this.scheduler = scheduler;
    }

    /** Answers at once with {@code behaviour}. */
    public SimulatedOperator(String name, Behaviour behaviour) {
        this(name, behaviour, Duration.ZERO, null);
    }

    public void setBehaviour(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    public void setDelay(Duration delay) {
        this.delay = delay;
    }

    /** Every request this operator was shown. */
    public synchronized List<ConsentRequest> requests() {
        return List.copyOf(seen);
    }

    /** Session ids whose request was withdrawn before an answer. */
    public synchronized List<String> withdrawn() {
        return List.copyOf(withdrawn);
    }

    @Override
    public void consentRequested(ConsentRequest request, Consumer<ConsentDecision> answer) {
        synchronized (this) {
            seen.add(request);
        }
        Behaviour now = behaviour;
        ConsentDecision decision = null;
        if (now instanceof Behaviour.Approve a) {
            int minutes = a.maxMinutes() > 0 ? Math.min(a.maxMinutes(), request.maxMinutes()) : request.maxMinutes();
            decision = ConsentDecision.allow(minutes, name);
        } else if (now instanceof Behaviour.Decline) {
            decision = ConsentDecision.decline(name);
        }
        if (decision == null) {
            return;
        }
        if (delay.isZero() || scheduler == null) {
            answer.accept(decision);
        } else {
            ConsentDecision later = decision;
            scheduler.schedule(() -> answer.accept(later), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void consentWithdrawn(String sessionId, EndCause cause) {
        withdrawn.add(sessionId);
    }
}
