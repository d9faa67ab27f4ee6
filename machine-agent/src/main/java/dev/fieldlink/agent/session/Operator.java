package dev.fieldlink.agent.session;

import dev.fieldlink.protocol.session.EndCause;
import java.util.function.Consumer;

/**
 * Whoever answers consent requests at the machine: the Swing operator panel, or a simulated operator (sandbox,
 * tests). Nothing is allowed without an explicit answer; no answer before the deadline means no session.
 *
 * <p>Methods are called with the session controller's lock held: they must return at once (hand over to the EDT or
 * another thread) and may call {@code answer} from any thread, at most once.
 */
public interface Operator {
    /** Shows a request; {@code answer} takes the operator's decision. */
    void consentRequested(ConsentRequest request, Consumer<ConsentDecision> answer);

    /** The request is no longer open (timed out, withdrawn, ended by the relay); close its window. */
    void consentWithdrawn(String sessionId, EndCause cause);
}
