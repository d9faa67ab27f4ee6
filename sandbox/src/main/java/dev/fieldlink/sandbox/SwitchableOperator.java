package dev.fieldlink.sandbox;

import dev.fieldlink.agent.session.ConsentDecision;
import dev.fieldlink.agent.session.ConsentRequest;
import dev.fieldlink.agent.session.Operator;
import dev.fieldlink.protocol.session.EndCause;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The operator of a sandbox machine: the simulated one until a trainee takes over with the real panel. A request is
 * withdrawn from whoever was shown it. Thread-safe.
 */
final class SwitchableOperator implements Operator {
    private volatile Operator current;
    private volatile Operator askedLast;

    SwitchableOperator(Operator initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    /** Later requests go to {@code next}. */
    void switchTo(Operator next) {
        current = Objects.requireNonNull(next, "next");
    }

    Operator current() {
        return current;
    }

    @Override
    public void consentRequested(ConsentRequest request, Consumer<ConsentDecision> answer) {
        Operator o = current;
        askedLast = o;
        o.consentRequested(request, answer);
    }

    @Override
    public void consentWithdrawn(String sessionId, EndCause cause) {
        Operator asked = askedLast;
        if (asked != null) {
            asked.consentWithdrawn(sessionId, cause);
        }
        Operator now = current;
        if (now != asked) {
            now.consentWithdrawn(sessionId, cause);
        }
    }
}
