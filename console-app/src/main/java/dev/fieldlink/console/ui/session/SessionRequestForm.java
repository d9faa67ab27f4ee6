package dev.fieldlink.console.ui.session;

import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.protocol.api.MachineView;
import dev.fieldlink.protocol.api.SessionRequest;
import java.util.Optional;

/**
 * The request form's content and its checks: a reason is required (at most 500 characters), the case number is
 * optional (at most 64), the minutes lie between 5 and the machine's maximum.
 */
public record SessionRequestForm(String reason, String caseNumber, int minutes) {
    public static final int MIN_MINUTES = 5;
    public static final int MAX_REASON = 500;
    public static final int MAX_CASE_NUMBER = 64;

    /** What is wrong, in the user's language, or empty when the form can be sent. */
    public Optional<String> problem(MachineView machine, Messages messages) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            return Optional.of(messages.get("request.reasonMissing"));
        }
        if (r.length() > MAX_REASON) {
            return Optional.of(messages.get("request.reasonTooLong", MAX_REASON));
        }
        if (caseNumber != null && caseNumber.strip().length() > MAX_CASE_NUMBER) {
            return Optional.of(messages.get("request.caseTooLong", MAX_CASE_NUMBER));
        }
        int max = maxMinutes(machine);
        if (minutes < MIN_MINUTES || minutes > max) {
            return Optional.of(messages.get("request.minutesRange", MIN_MINUTES, max));
        }
        return Optional.empty();
    }

    /** The machine's maximum session length, at least {@link #MIN_MINUTES}. */
    public static int maxMinutes(MachineView machine) {
        return Math.max(MIN_MINUTES, machine.maxSessionMinutes() <= 0 ? 60 : machine.maxSessionMinutes());
    }

    /** The API request for this form. */
    public SessionRequest toRequest(String machineId) {
        String number = caseNumber == null || caseNumber.isBlank() ? null : caseNumber.strip();
        return new SessionRequest(machineId, reason.strip(), number, minutes);
    }
}
