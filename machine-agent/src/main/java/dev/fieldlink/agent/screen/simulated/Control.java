package dev.fieldlink.agent.screen.simulated;

import java.awt.Rectangle;

/**
 * A clickable area of the simulated HMI.
 *
 * @param bounds where it is, in the HMI's logical 1280x800 coordinates
 * @param label the operator-readable name, e.g. {@code Diagnostics > Sensors}
 * @param action what a click does to the model
 */
public record Control(Rectangle bounds, String label, Runnable action) {}
