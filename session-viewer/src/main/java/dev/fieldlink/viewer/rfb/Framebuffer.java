package dev.fieldlink.viewer.rfb;

import java.util.Arrays;

/**
 * The remote screen as ARGB ints (alpha 0xFF), row-major, {@code width} ints per row.
 *
 * <p>Thread-safety: one thread (the decoder) writes; others may read {@link #pixels()} at any time and see a frame
 * that is at worst partly updated. Readers that need a consistent copy take it in a listener call on the decoding
 * thread, or use {@link #copy()}, which holds the same lock as the writer's per-rectangle operations.
 */
public final class Framebuffer {
    private volatile int width;
    private volatile int height;
    private volatile int[] pixels;

    public Framebuffer(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = new int[Math.multiplyExact(width, height)];
        Arrays.fill(pixels, 0xFF000000);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The live pixel array; replaced (not resized) on {@link #resize}. */
    public int[] pixels() {
        return pixels;
    }

    /** Replaces the pixel array with a black one of the new size. */
    public synchronized void resize(int w, int h) {
        int[] np = new int[Math.multiplyExact(w, h)];
        Arrays.fill(np, 0xFF000000);
        pixels = np;
        width = w;
        height = h;
    }

    public Rect bounds() {
        return new Rect(0, 0, width, height);
    }

    /** True when the rectangle lies inside the framebuffer. */
    public boolean contains(int x, int y, int w, int h) {
        return x >= 0 && y >= 0 && w >= 0 && h >= 0 && (long) x + w <= width && (long) y + h <= height;
    }

    public synchronized void fill(int x, int y, int w, int h, int argb) {
        int[] p = pixels;
        int stride = width;
        for (int row = 0; row < h; row++) {
            int o = (y + row) * stride + x;
            Arrays.fill(p, o, o + w, argb);
        }
    }

    /** Copies {@code w*h} pixels from {@code src} (row stride {@code srcStride}) into the rectangle. */
    public synchronized void put(int x, int y, int w, int h, int[] src, int srcOff, int srcStride) {
        int[] p = pixels;
        int stride = width;
        for (int row = 0; row < h; row++) {
            System.arraycopy(src, srcOff + row * srcStride, p, (y + row) * stride + x, w);
        }
    }

    /** Copies a rectangle within the framebuffer (overlap-safe). */
    public synchronized void copyRect(int srcX, int srcY, int w, int h, int dstX, int dstY) {
        int[] p = pixels;
        int stride = width;
        if (dstY > srcY) {
            for (int row = h - 1; row >= 0; row--) {
                System.arraycopy(p, (srcY + row) * stride + srcX, p, (dstY + row) * stride + dstX, w);
            }
        } else {
            for (int row = 0; row < h; row++) {
                System.arraycopy(p, (srcY + row) * stride + srcX, p, (dstY + row) * stride + dstX, w);
            }
        }
    }

    public int get(int x, int y) {
        return pixels[y * width + x];
    }

    /** A consistent copy of all pixels. */
    public synchronized int[] copy() {
        return pixels.clone();
    }

    /** Replaces size and content at once (replay seeking). */
    public synchronized void load(int w, int h, int[] argb) {
        if (argb.length != w * h) {
            throw new IllegalArgumentException("pixel count " + argb.length + " != " + w + "x" + h);
        }
        pixels = argb.clone();
        width = w;
        height = h;
    }
}
