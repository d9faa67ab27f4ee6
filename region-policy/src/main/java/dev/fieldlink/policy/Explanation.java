package dev.fieldlink.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * For an administrator: every check the policy makes between one person and one machine, whether it passed, and
 * the resulting decision per action. {@link #toText()} is what {@code admin explain} prints.
 */
public record Explanation(
        String technicianId, String machineId, Instant at, List<Finding> findings, Map<Action, Decision> decisions) {
    public Explanation {
        findings = List.copyOf(findings);
        decisions = Collections.unmodifiableMap(new EnumMap<>(decisions));
    }

    /** One check: its name (a {@link DenyReason} code), whether it passed, and why. */
    public record Finding(DenyReason check, boolean passed, String detail) {}

    /** Whether the person sees the machine in their list at all. */
    public boolean visible() {
        return decisions.get(Action.LIST).allowed();
    }

    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(technicianId)
                .append(visible() ? " sees " : " does not see ")
                .append("machine ")
                .append(machineId)
                .append(" (at ")
                .append(at)
                .append(")\n");
        for (Finding finding : findings) {
            text.append(finding.passed() ? "  ok    " : "  DENY  ")
                    .append(String.format("%-22s", finding.check()))
                    .append(finding.detail())
                    .append('\n');
        }
        decisions.forEach((action, decision) -> text.append("  ")
                .append(String.format("%-16s", action))
                .append(decision.allowed() ? "allowed" : "denied: " + decision.reason())
                .append('\n'));
        return text.toString();
    }
}
