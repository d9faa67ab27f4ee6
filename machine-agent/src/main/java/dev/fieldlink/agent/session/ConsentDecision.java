package dev.fieldlink.agent.session;

/**
 * The operator's answer.
 *
 * @param allowed true for Allow
 * @param minutes the granted duration (1 to the request's maximum) when allowed, 0 when declined
 * @param operator who answered, as shown in the audit log (a name, or {@code operator})
 */
public record ConsentDecision(boolean allowed, int minutes, String operator) {
    public static ConsentDecision allow(int minutes, String operator) {
        return new ConsentDecision(true, minutes, operator);
    }

    public static ConsentDecision decline(String operator) {
        return new ConsentDecision(false, 0, operator);
    }
}
