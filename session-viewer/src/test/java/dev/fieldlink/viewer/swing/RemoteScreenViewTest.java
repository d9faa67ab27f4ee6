package dev.fieldlink.viewer.swing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.viewer.rfb.CursorShape;
import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.RemoteInput;
import dev.fieldlink.viewer.rfb.RemoteScreen;
import dev.fieldlink.viewer.rfb.RemoteScreenListener;
import java.awt.Point;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The view draws the framebuffer, maps coordinates for both scale modes and forwards input unless view-only. */
class RemoteScreenViewTest {
    static final class FakeScreen implements RemoteScreen {
        final Framebuffer fb = new Framebuffer(200, 100);
        final List<RemoteScreenListener> listeners = new CopyOnWriteArrayList<>();

        @Override
        public Framebuffer framebuffer() {
            return fb;
        }

        @Override
        public CursorShape cursor() {
            return CursorShape.EMPTY;
        }

        @Override
        public void addScreenListener(RemoteScreenListener l) {
            listeners.add(l);
        }

        @Override
        public void removeScreenListener(RemoteScreenListener l) {
            listeners.remove(l);
        }
    }

    static final class Recorded implements RemoteInput {
        final List<String> events = new ArrayList<>();

        @Override
        public void pointer(int mask, int x, int y) {
            events.add("p " + mask + " " + x + "," + y);
        }

        @Override
        public void key(boolean down, int keysym) {
            events.add("k " + down + " " + Integer.toHexString(keysym));
        }

        @Override
        public void cutText(String text) {
            events.add("c " + text);
        }
    }

    static void onEdt(Runnable r) throws Exception {
        SwingUtilities.invokeAndWait(r);
    }

    @Test
    void oneToOne_drawsTheFramebufferPixelsAtTheCentre() throws Exception {
        FakeScreen screen = new FakeScreen();
        screen.fb.fill(0, 0, 200, 100, 0xFF112233);
        screen.fb.fill(10, 20, 30, 40, 0xFFAA5500);
        BufferedImage out = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        onEdt(() -> {
            RemoteScreenView view = new RemoteScreenView(screen, null);
            view.setScaleMode(ScaleMode.ONE_TO_ONE);
            view.setSize(300, 200);
            view.paint(out.createGraphics());
        });
        assertThat(out.getRGB(50, 50) & 0xFFFFFF).isEqualTo(0x112233);
        assertThat(out.getRGB(50 + 10, 50 + 20) & 0xFFFFFF).isEqualTo(0xAA5500);
        assertThat(out.getRGB(50 + 39, 50 + 59) & 0xFFFFFF).isEqualTo(0xAA5500);
        assertThat(out.getRGB(50 + 40, 50 + 59) & 0xFFFFFF).isEqualTo(0x112233);
    }

    @Test
    void fit_halvesTheScreenInAHalfSizedView_andMapsClicksBack() throws Exception {
        FakeScreen screen = new FakeScreen();
        Recorded input = new Recorded();
        Point[] p = new Point[1];
        onEdt(() -> {
            RemoteScreenView view = new RemoteScreenView(screen, input);
            view.setSize(100, 50);
            assertThat(view.scale()).isEqualTo(0.5);
            p[0] = view.toRemote(25, 10);
            view.dispatchEvent(new MouseEvent(
                    view,
                    MouseEvent.MOUSE_PRESSED,
                    0,
                    MouseEvent.BUTTON1_DOWN_MASK,
                    25,
                    10,
                    1,
                    false,
                    MouseEvent.BUTTON1));
            view.dispatchEvent(
                    new MouseEvent(view, MouseEvent.MOUSE_RELEASED, 0, 0, 25, 10, 1, false, MouseEvent.BUTTON1));
            view.dispatchEvent(new MouseWheelEvent(
                    view, MouseEvent.MOUSE_WHEEL, 0, 0, 25, 10, 0, false, MouseWheelEvent.WHEEL_UNIT_SCROLL, 3, 2));
        });
        assertThat(p[0]).isEqualTo(new Point(50, 20));
        assertThat(input.events)
                .containsExactly("p 1 50,20", "p 0 50,20", "p 16 50,20", "p 0 50,20", "p 16 50,20", "p 0 50,20");
    }

    @Test
    void keys_arePressedAndReleasedWithTheSameKeysym_andViewOnlySendsNothing() throws Exception {
        FakeScreen screen = new FakeScreen();
        Recorded input = new Recorded();
        onEdt(() -> {
            RemoteScreenView view = new RemoteScreenView(screen, input);
            // Key events reach a component through the focus manager; without a window, call its listeners.
            key(view, new KeyEvent(view, KeyEvent.KEY_PRESSED, 0, 0, KeyEvent.VK_A, 'a'));
            // The release may carry another character (modifier released first): the pressed keysym is released.
            key(view, new KeyEvent(view, KeyEvent.KEY_RELEASED, 0, 0, KeyEvent.VK_A, 'A'));
            key(view, new KeyEvent(view, KeyEvent.KEY_PRESSED, 0, 0, KeyEvent.VK_TAB, '\t'));
            view.setViewOnly(true);
            key(view, new KeyEvent(view, KeyEvent.KEY_PRESSED, 0, 0, KeyEvent.VK_B, 'b'));
            view.dispatchEvent(new MouseEvent(view, MouseEvent.MOUSE_MOVED, 0, 0, 5, 5, 0, false));
        });
        // Going view-only releases what was held (Tab), so nothing sticks on the machine.
        assertThat(input.events).containsExactly("k true 61", "k false 61", "k true ff09", "k false ff09");
    }

    static void key(RemoteScreenView view, KeyEvent e) {
        for (java.awt.event.KeyListener l : view.getKeyListeners()) {
            if (e.getID() == KeyEvent.KEY_PRESSED) {
                l.keyPressed(e);
            } else {
                l.keyReleased(e);
            }
        }
    }

    @Test
    void messages_existInEnglishAndGerman() {
        assertThat(Messages.get(java.util.Locale.ENGLISH, "action.viewOnly")).isEqualTo("View only");
        assertThat(Messages.get(java.util.Locale.GERMAN, "action.viewOnly")).isEqualTo("Nur ansehen");
        assertThat(ConnectionStatusLabel.format(new dev.fieldlink.viewer.client.ConnectionStats(24, 310500, 3, 0, 0)))
                .contains("frames/s")
                .contains("kB/s");
    }
}
