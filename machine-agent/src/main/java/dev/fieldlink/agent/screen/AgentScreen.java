package dev.fieldlink.agent.screen;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * A screen the agent can serve to a technician: its pixels, notice of changed regions, and the technician's input.
 * Adapting it to an RFB server is a thin layer: size, {@link #copyPixels}, {@link DamageListener} and the three input
 * methods map one to one onto the RFB messages.
 *
 * <p>Implementations are thread-safe: pixels are read and input delivered from network threads while the source
 * repaints on its own.
 */
public interface AgentScreen extends AutoCloseable {
    /** Width in pixels; fixed for the source's lifetime. */
    int width();

    /** Height in pixels; fixed for the source's lifetime. */
    int height();

    /**
     * Copies the current pixels of a rectangle as {@code 0xRRGGBB} ints, row by row.
     *
     * @param scanline ints per row in {@code dst}
     * @throws IllegalArgumentException if the rectangle is not inside the screen
     */
    void copyPixels(int x, int y, int w, int h, int[] dst, int offset, int scanline);

    /** A copy of the whole screen now. */
    default BufferedImage snapshot() {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[width() * height()];
        copyPixels(0, 0, width(), height(), pixels, 0, width());
        image.setRGB(0, 0, width(), height(), pixels, 0, width());
        return image;
    }

    void addDamageListener(DamageListener listener);

    void removeDamageListener(DamageListener listener);

    /**
     * The technician's pointer: position and RFB button mask (bit 0 left, 1 middle, 2 right, 3/4 wheel).
     */
    void pointer(int x, int y, int buttonMask);

    /** A key press or release, as an X11 keysym. */
    void key(int keysym, boolean down);

    /** Clipboard text the technician sent. */
    void cutText(String text);

    /**
     * The operator-readable name of the control at a point, e.g. {@code Diagnostics > Sensors}, if the source knows
     * it (the simulated HMI does; a captured desktop does not).
     */
    default Optional<String> controlAt(int x, int y) {
        return Optional.empty();
    }

    /** Stops repainting and releases resources. */
    @Override
    void close();

    /** Told when part of the screen changed; called on the source's thread, must not block. */
    @FunctionalInterface
    interface DamageListener {
        void damaged(Rectangle region);
    }
}
