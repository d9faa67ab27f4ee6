package dev.fieldlink.agent.screen;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link AgentScreen} backed by a {@code TYPE_INT_RGB} image that a subclass replaces with {@link #publish}: the
 * new frame is compared tile by tile with the previous one and only changed tiles are reported as damage.
 */
public abstract class ImageScreen implements AgentScreen {
    /** Edge of the tiles compared for damage, in pixels. */
    public static final int TILE = 64;

    private final int width;
    private final int height;
    private final List<DamageListener> listeners = new CopyOnWriteArrayList<>();
    private final Object frameLock = new Object();
    private int[] frame;

    protected ImageScreen(int width, int height) {
        this.width = width;
        this.height = height;
        this.frame = new int[width * height];
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void copyPixels(int x, int y, int w, int h, int[] dst, int offset, int scanline) {
        if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
            throw new IllegalArgumentException("rectangle " + x + "," + y + " " + w + "x" + h + " is outside the "
                    + width + "x" + height + " screen");
        }
        synchronized (frameLock) {
            for (int row = 0; row < h; row++) {
                System.arraycopy(frame, (y + row) * width + x, dst, offset + row * scanline, w);
            }
        }
    }

    @Override
    public void addDamageListener(DamageListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeDamageListener(DamageListener listener) {
        listeners.remove(listener);
    }

    /**
     * Makes {@code image} (same size, {@code TYPE_INT_RGB}) the current frame and reports changed tiles.
     *
     * @return the changed regions
     */
    protected List<Rectangle> publish(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB || image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("frame must be a " + width + "x" + height + " TYPE_INT_RGB image");
        }
        int[] next =
                ((DataBufferInt) image.getRaster().getDataBuffer()).getData().clone();
        List<Rectangle> changed = new ArrayList<>();
        synchronized (frameLock) {
            for (int ty = 0; ty < height; ty += TILE) {
                for (int tx = 0; tx < width; tx += TILE) {
                    int w = Math.min(TILE, width - tx);
                    int h = Math.min(TILE, height - ty);
                    if (tileDiffers(frame, next, tx, ty, w, h)) {
                        changed.add(new Rectangle(tx, ty, w, h));
                    }
                }
            }
            frame = next;
        }
        for (Rectangle r : changed) {
            for (DamageListener l : listeners) {
                l.damaged(r);
            }
        }
        return changed;
    }

    private boolean tileDiffers(int[] a, int[] b, int x, int y, int w, int h) {
        for (int row = y; row < y + h; row++) {
            int start = row * width + x;
            if (!Arrays.equals(a, start, start + w, b, start, start + w)) {
                return true;
            }
        }
        return false;
    }
}
