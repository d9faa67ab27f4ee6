package dev.fieldlink.agent.screen.simulated;

import java.util.Locale;

/**
 * A simulated sensor: a value that wanders around {@code nominal} with {@code amplitude} over {@code periodSeconds}.
 *
 * @param name shown on the diagnostics page
 * @param unit shown after the value
 * @param nominal the value in normal operation
 * @param amplitude the swing around nominal
 * @param periodSeconds the swing's period
 * @param low lower limit; below it the value shows as out of range
 * @param high upper limit
 * @param decimals digits after the point
 */
public record Sensor(
        String name,
        String unit,
        double nominal,
        double amplitude,
        double periodSeconds,
        double low,
        double high,
        int decimals) {
    /** The value at {@code seconds} since the epoch, shifted by a fault's {@code offset}. */
    public double valueAt(double seconds, double offset) {
        double phase = 2 * Math.PI * seconds / periodSeconds;
        return nominal + offset + amplitude * (0.7 * Math.sin(phase) + 0.3 * Math.sin(3.7 * phase + 1.3));
    }

    public boolean inRange(double value) {
        return value >= low && value <= high;
    }

    public String format(double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
