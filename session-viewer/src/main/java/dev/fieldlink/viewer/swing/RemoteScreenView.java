package dev.fieldlink.viewer.swing;

import dev.fieldlink.viewer.rfb.CursorShape;
import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.RemoteInput;
import dev.fieldlink.viewer.rfb.RemoteScreen;
import dev.fieldlink.viewer.rfb.RemoteScreenListener;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComponent;
import javax.swing.Scrollable;
import javax.swing.SwingUtilities;

/**
 * Shows a {@link RemoteScreen} (live connection or replay) and, unless view-only, forwards mouse, wheel and keyboard
 * to a {@link RemoteInput}. Draws straight from the framebuffer's pixel array; damage from the decoding thread is
 * collected and repainted once per completed update, so nothing but painting happens on the EDT.
 *
 * <p>Swing rules apply: create and use it on the EDT. Listeners on the screen are attached in {@link #addNotify()}
 * and removed in {@link #removeNotify()}.
 */
public final class RemoteScreenView extends JComponent implements Scrollable {
    private static final long serialVersionUID = 1L;
    private static final DirectColorModel RGB = new DirectColorModel(24, 0xFF0000, 0xFF00, 0xFF);

    private final transient RemoteScreen screen;
    private final transient RemoteInput input;
    private final transient Listener listener = new Listener();
    private final transient AtomicReference<Rectangle> damage = new AtomicReference<>();
    private final transient AtomicBoolean repaintQueued = new AtomicBoolean();
    private final transient Map<Integer, Integer> pressedKeys = new HashMap<>();
    private transient BufferedImage image;
    private transient int[] imagePixels;
    private ScaleMode scaleMode = ScaleMode.FIT;
    private boolean viewOnly;
    private int buttons;
    private boolean typedPending;

    /**
     * @param input where input goes; null makes the view permanently view-only (replay)
     */
    public RemoteScreenView(RemoteScreen screen, RemoteInput input) {
        this.screen = screen;
        this.input = input;
        this.viewOnly = input == null;
        setFocusable(true);
        setFocusTraversalKeysEnabled(false);
        setOpaque(true);
        getAccessibleContext().setAccessibleName(Messages.get("view.accessibleName"));
        Mouse mouse = new Mouse();
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
        addKeyListener(new Keys());
        addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                releaseAll();
            }
        });
    }

    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                private static final long serialVersionUID = 1L;

                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.CANVAS;
                }
            };
        }
        return accessibleContext;
    }

    public ScaleMode scaleMode() {
        return scaleMode;
    }

    public void setScaleMode(ScaleMode mode) {
        this.scaleMode = mode;
        revalidate();
        repaint();
    }

    public boolean isViewOnly() {
        return viewOnly;
    }

    /** Stops (or resumes) sending input; always view-only without an input. */
    public void setViewOnly(boolean viewOnly) {
        if (viewOnly) {
            releaseAll();
        }
        this.viewOnly = viewOnly || input == null;
        updateCursor(screen.cursor());
    }

    @Override
    public void addNotify() {
        super.addNotify();
        screen.addScreenListener(listener);
        updateCursor(screen.cursor());
        repaint();
    }

    @Override
    public void removeNotify() {
        screen.removeScreenListener(listener);
        super.removeNotify();
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        Framebuffer fb = screen.framebuffer();
        double ui = deviceScale();
        return new Dimension((int) Math.ceil(fb.width() / ui), (int) Math.ceil(fb.height() / ui));
    }

    @Override
    public Dimension getPreferredScrollableViewportSize() {
        return getPreferredSize();
    }

    @Override
    public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
        return 16;
    }

    @Override
    public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
        return orientation == javax.swing.SwingConstants.VERTICAL ? visible.height - 16 : visible.width - 16;
    }

    /** In fit mode the view takes the viewport's size (no scroll bars); at 1:1 it scrolls. */
    @Override
    public boolean getScrollableTracksViewportWidth() {
        return scaleMode == ScaleMode.FIT;
    }

    @Override
    public boolean getScrollableTracksViewportHeight() {
        return scaleMode == ScaleMode.FIT;
    }

    /** Device pixels per user-space unit (2.0 on a 200% HiDPI screen). */
    private double deviceScale() {
        if (getGraphicsConfiguration() == null) {
            return 1;
        }
        AffineTransform t = getGraphicsConfiguration().getDefaultTransform();
        return Math.max(1, t.getScaleX());
    }

    /** Remote pixels per user-space unit scale factor currently used for drawing. */
    double scale() {
        Framebuffer fb = screen.framebuffer();
        double oneToOne = 1 / deviceScale();
        if (scaleMode == ScaleMode.ONE_TO_ONE || getWidth() == 0 || getHeight() == 0) {
            return oneToOne;
        }
        double fit = Math.min((double) getWidth() / fb.width(), (double) getHeight() / fb.height());
        return Math.min(fit, oneToOne);
    }

    private Point origin(double s) {
        Framebuffer fb = screen.framebuffer();
        int x = (int) Math.max(0, (getWidth() - fb.width() * s) / 2);
        int y = (int) Math.max(0, (getHeight() - fb.height() * s) / 2);
        return new Point(x, y);
    }

    /** Framebuffer coordinates of a component point, clamped to the framebuffer. */
    public Point toRemote(int x, int y) {
        Framebuffer fb = screen.framebuffer();
        double s = scale();
        Point o = origin(s);
        int rx = (int) Math.floor((x - o.x) / s);
        int ry = (int) Math.floor((y - o.y) / s);
        return new Point(Math.max(0, Math.min(fb.width() - 1, rx)), Math.max(0, Math.min(fb.height() - 1, ry)));
    }

    @Override
    protected void paintComponent(Graphics g0) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setColor(getBackground());
            g.fillRect(0, 0, getWidth(), getHeight());
            BufferedImage img = currentImage();
            double s = scale();
            Point o = origin(s);
            if (s < 1 / deviceScale()) {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            }
            g.translate(o.x, o.y);
            g.scale(s, s);
            g.drawImage(img, 0, 0, null);
        } finally {
            g.dispose();
        }
    }

    /** An image sharing the framebuffer's current pixel array (recreated after a resize). */
    private BufferedImage currentImage() {
        Framebuffer fb = screen.framebuffer();
        int[] px = fb.pixels();
        int w = fb.width();
        int h = fb.height();
        if (image == null || imagePixels != px || image.getWidth() != w || image.getHeight() != h) {
            if (px.length != w * h) {
                px = fb.copy();
            }
            DataBufferInt buf = new DataBufferInt(px, px.length);
            WritableRaster raster = Raster.createWritableRaster(
                    new SinglePixelPackedSampleModel(buf.getDataType(), w, h, RGB.getMasks()), buf, null);
            image = new BufferedImage(RGB, raster, false, null);
            imagePixels = px;
        }
        return image;
    }

    private void flushRepaint() {
        repaintQueued.set(false);
        Rectangle r = damage.getAndSet(null);
        if (r == null) {
            return;
        }
        double s = scale();
        Point o = origin(s);
        repaint(
                (int) Math.floor(o.x + r.x * s) - 1,
                (int) Math.floor(o.y + r.y * s) - 1,
                (int) Math.ceil(r.width * s) + 3,
                (int) Math.ceil(r.height * s) + 3);
    }

    private void updateCursor(CursorShape c) {
        if (viewOnly || c == null) {
            setCursor(Cursor.getDefaultCursor());
            return;
        }
        BufferedImage img;
        Point hot;
        if (c.isEmpty()) {
            img = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
            hot = new Point(0, 0);
        } else {
            img = new BufferedImage(c.width(), c.height(), BufferedImage.TYPE_INT_ARGB);
            img.setRGB(0, 0, c.width(), c.height(), c.argb(), 0, c.width());
            hot = new Point(c.hotX(), c.hotY());
        }
        try {
            setCursor(Toolkit.getDefaultToolkit().createCustomCursor(img, hot, "remote"));
        } catch (RuntimeException e) {
            // Headless or no custom cursor support: keep the default.
            setCursor(Cursor.getDefaultCursor());
        }
    }

    private void releaseAll() {
        if (input == null) {
            return;
        }
        for (int keysym : pressedKeys.values()) {
            input.key(false, keysym);
        }
        pressedKeys.clear();
        if (buttons != 0) {
            buttons = 0;
        }
    }

    private final class Listener implements RemoteScreenListener {
        @Override
        public void damaged(int x, int y, int w, int h) {
            Rectangle r = new Rectangle(x, y, w, h);
            damage.accumulateAndGet(r, (a, b) -> a == null ? b : a.union(b));
        }

        @Override
        public void updateCompleted() {
            if (damage.get() != null && repaintQueued.compareAndSet(false, true)) {
                SwingUtilities.invokeLater(RemoteScreenView.this::flushRepaint);
            }
        }

        @Override
        public void resized(int width, int height) {
            SwingUtilities.invokeLater(() -> {
                revalidate();
                repaint();
            });
        }

        @Override
        public void cursorChanged(CursorShape cursor) {
            SwingUtilities.invokeLater(() -> updateCursor(cursor));
        }
    }

    private final class Mouse extends MouseAdapter {
        @Override
        public void mousePressed(MouseEvent e) {
            requestFocusInWindow();
            buttons |= bit(e);
            send(e);
        }

        @Override
        public void mouseReleased(MouseEvent e) {
            buttons &= ~bit(e);
            send(e);
        }

        @Override
        public void mouseMoved(MouseEvent e) {
            send(e);
        }

        @Override
        public void mouseDragged(MouseEvent e) {
            send(e);
        }

        @Override
        public void mouseWheelMoved(MouseWheelEvent e) {
            if (viewOnly) {
                return;
            }
            int notches = e.getWheelRotation();
            boolean horizontal = e.isShiftDown();
            int bit = horizontal ? (notches < 0 ? 1 << 5 : 1 << 6) : (notches < 0 ? 1 << 3 : 1 << 4);
            Point p = toRemote(e.getX(), e.getY());
            for (int i = 0; i < Math.abs(notches); i++) {
                input.pointer(buttons | bit, p.x, p.y);
                input.pointer(buttons, p.x, p.y);
            }
        }

        private int bit(MouseEvent e) {
            switch (e.getButton()) {
                case MouseEvent.BUTTON1:
                    return 1;
                case MouseEvent.BUTTON2:
                    return 2;
                case MouseEvent.BUTTON3:
                    return 4;
                default:
                    return 0;
            }
        }

        private void send(MouseEvent e) {
            if (viewOnly) {
                return;
            }
            Point p = toRemote(e.getX(), e.getY());
            input.pointer(buttons, p.x, p.y);
        }
    }

    private final class Keys extends KeyAdapter {
        @Override
        public void keyPressed(KeyEvent e) {
            if (viewOnly) {
                return;
            }
            int keysym = KeyMapper.keysym(e);
            if (keysym == 0) {
                typedPending = true;
                return;
            }
            typedPending = false;
            pressedKeys.put(e.getKeyCode(), keysym);
            input.key(true, keysym);
            e.consume();
        }

        @Override
        public void keyReleased(KeyEvent e) {
            if (viewOnly) {
                return;
            }
            Integer keysym = pressedKeys.remove(e.getKeyCode());
            if (keysym != null) {
                input.key(false, keysym);
                e.consume();
            }
        }

        @Override
        public void keyTyped(KeyEvent e) {
            // Characters composed by dead keys or an input method arrive only here.
            if (viewOnly || !typedPending || e.getKeyChar() == KeyEvent.CHAR_UNDEFINED || e.getKeyChar() < 0x20) {
                return;
            }
            typedPending = false;
            int keysym = dev.fieldlink.viewer.rfb.Keysyms.fromCodePoint(e.getKeyChar());
            input.key(true, keysym);
            input.key(false, keysym);
            e.consume();
        }
    }
}
