package dev.fieldlink.agent.session;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * What the operator is asked. {@code maxMinutes} is the most the operator may grant: the smaller of the requested
 * minutes and the machine's configured maximum.
 *
 * @param photoPng the technician's photo as PNG bytes, or null
 * @param deadline when the request lapses unanswered (agent clock)
 * @param extension true when the technician asks for more time in the active session
 */
public record ConsentRequest(
        String sessionId,
        String technicianId,
        String technicianName,
        String company,
        byte[] photoPng,
        String reason,
        String caseNumber,
        int requestedMinutes,
        int maxMinutes,
        Instant deadline,
        boolean extension) {
    /** The durations the operator may choose from, ascending, each at most {@link #maxMinutes}. */
    public List<Integer> durationChoices() {
        TreeSet<Integer> choices = new TreeSet<>();
        for (int m : new int[] {5, 10, 15, 30, 45, 60, 90, 120, 180, 240}) {
            if (m <= maxMinutes) {
                choices.add(m);
            }
        }
        choices.add(maxMinutes);
        return List.copyOf(choices);
    }

    @Override
    public String toString() {
        return "ConsentRequest[" + sessionId + ", " + technicianName + ", " + requestedMinutes + " min]";
    }
}
