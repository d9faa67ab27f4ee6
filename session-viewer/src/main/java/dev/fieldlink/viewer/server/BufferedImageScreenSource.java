package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.CursorShape;
import dev.fieldlink.viewer.rfb.Rect;
import dev.fieldlink.viewer.rfb.RemoteInput;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * A {@link ScreenSource} over a Java2D image that the owner repaints: {@link #paint} runs a painter under the write
 * lock and then reports the dirty rectangles; {@link #copyArea} moves content and reports a move (sent as CopyRect);
 * {@link #replace} changes the size. Input goes to an optional {@link RemoteInput}. Thread-safe.
 */
public final class BufferedImageScreenSource implements ScreenSource {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<ScreenListener> listeners = new CopyOnWriteArrayList<>();
    private BufferedImage image;
    private int[] pixels;
    private volatile CursorShape cursor;
    private volatile RemoteInput input;

    /** Starts with a copy of {@code initial}'s pixels. */
    public BufferedImageScreenSource(BufferedImage initial) {
        setImage(initial);
    }

    /** Starts black of the given size. */
    public BufferedImageScreenSource(int width, int height) {
        this(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB));
    }

    private void setImage(BufferedImage src) {
        BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        image = img;
        pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    /** Where pointer, key and clipboard input from clients go (null: dropped). */
    public void setInput(RemoteInput input) {
        this.input = input;
    }

    public void setCursor(CursorShape cursor) {
        this.cursor = cursor;
        for (ScreenListener l : listeners) {
            l.cursorChanged();
        }
    }

    /**
     * Paints under the lock, then reports {@code dirty} (the whole screen if none given).
     *
     * @param painter draws on the screen image; must not keep the Graphics2D
     */
    public void paint(Consumer<Graphics2D> painter, Rect... dirty) {
        lock.writeLock().lock();
        try {
            Graphics2D g = image.createGraphics();
            try {
                painter.accept(g);
            } finally {
                g.dispose();
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (dirty.length == 0) {
            damaged(new Rect(0, 0, width(), height()));
        }
        for (Rect r : dirty) {
            damaged(r);
        }
    }

    /** Sets ARGB pixels of a rectangle directly (fast path for captured frames) and reports it dirty. */
    public void setPixels(int x, int y, int w, int h, int[] argb, int offset, int stride) {
        lock.writeLock().lock();
        try {
            int iw = image.getWidth();
            for (int r = 0; r < h; r++) {
                System.arraycopy(argb, offset + r * stride, pixels, (y + r) * iw + x, w);
            }
        } finally {
            lock.writeLock().unlock();
        }
        damaged(new Rect(x, y, w, h));
    }

    /** Moves a rectangle's content to {@code (dx, dy)}, as a scroll does; clients get a CopyRect. */
    public void copyArea(int x, int y, int w, int h, int dx, int dy) {
        lock.writeLock().lock();
        try {
            Graphics2D g = image.createGraphics();
            g.copyArea(x, y, w, h, dx - x, dy - y);
            g.dispose();
        } finally {
            lock.writeLock().unlock();
        }
        for (ScreenListener l : listeners) {
            l.moved(x, y, w, h, dx, dy);
        }
    }

    /** Replaces the whole screen, possibly with another size. */
    public void replace(BufferedImage next) {
        boolean resized;
        lock.writeLock().lock();
        try {
            resized = next.getWidth() != image.getWidth() || next.getHeight() != image.getHeight();
            setImage(next);
        } finally {
            lock.writeLock().unlock();
        }
        for (ScreenListener l : listeners) {
            if (resized) {
                l.resized(next.getWidth(), next.getHeight());
            } else {
                l.damaged(0, 0, next.getWidth(), next.getHeight());
            }
        }
    }

    /** A copy of the current screen. */
    public BufferedImage snapshot() {
        lock.readLock().lock();
        try {
            BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            copy.setRGB(0, 0, image.getWidth(), image.getHeight(), pixels, 0, image.getWidth());
            return copy;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void damaged(Rect r) {
        for (ScreenListener l : listeners) {
            l.damaged(r.x(), r.y(), r.width(), r.height());
        }
    }

    @Override
    public int width() {
        lock.readLock().lock();
        try {
            return image.getWidth();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int height() {
        lock.readLock().lock();
        try {
            return image.getHeight();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void readPixels(int x, int y, int w, int h, int[] dst, int dstOffset, int dstStride) {
        lock.readLock().lock();
        try {
            int iw = image.getWidth();
            int ih = image.getHeight();
            for (int r = 0; r < h; r++) {
                int o = dstOffset + r * dstStride;
                int sy = y + r;
                int cw = sy < ih ? Math.max(0, Math.min(w, iw - x)) : 0;
                if (cw > 0) {
                    System.arraycopy(pixels, sy * iw + x, dst, o, cw);
                }
                if (cw < w) {
                    Arrays.fill(dst, o + cw, o + w, 0xFF000000);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void addListener(ScreenListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ScreenListener listener) {
        listeners.remove(listener);
    }

    @Override
    public CursorShape cursor() {
        return cursor;
    }

    @Override
    public void pointer(int buttonMask, int x, int y) {
        RemoteInput in = input;
        if (in != null) {
            in.pointer(buttonMask, x, y);
        }
    }

    @Override
    public void key(boolean down, int keysym) {
        RemoteInput in = input;
        if (in != null) {
            in.key(down, keysym);
        }
    }

    @Override
    public void cutText(String text) {
        RemoteInput in = input;
        if (in != null) {
            in.cutText(text);
        }
    }
}
