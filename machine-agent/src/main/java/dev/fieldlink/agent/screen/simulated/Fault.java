package dev.fieldlink.agent.screen.simulated;

/**
 * A fault that can be injected into the simulated machine: it raises an alarm, stops production if it is severe,
 * and pushes one sensor out of range.
 *
 * @param code the alarm code, e.g. {@code E-214}
 * @param message what the alarm says
 * @param sensor the affected sensor's name, or null
 * @param offset how far the fault moves that sensor
 * @param stopsMachine true when the machine goes to FAULT and stops
 */
public record Fault(String code, String message, String sensor, double offset, boolean stopsMachine) {}
