package dev.fieldlink.console.relay;

/**
 * Filters of {@code GET machines}; {@code null} means "any". The relay applies them after the entitlement check.
 *
 * @param text free text matched against name, serial, customer and site ({@code q})
 * @param online {@code true} only online machines, {@code false} only offline ones
 */
public record MachineQuery(String text, String region, String productLine, Boolean online) {
    /** Every machine the technician may see. */
    public static final MachineQuery ALL = new MachineQuery(null, null, null, null);
}
