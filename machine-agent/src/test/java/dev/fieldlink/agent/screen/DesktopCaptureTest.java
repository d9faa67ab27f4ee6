package dev.fieldlink.agent.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.screen.capture.DesktopCapture;
import dev.fieldlink.testing.Poll;
import java.awt.Color;
import java.awt.MouseInfo;
import java.awt.Point;
import java.awt.Rectangle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The capture source on the test JVM's own Xvfb display: pixels, changed tiles only, and Robot input. */
class DesktopCaptureTest {
    @Test
    void capturesTheDisplay_reportsOnlyChangedTiles_andInjectsClicks() throws Exception {
        AtomicInteger clicks = new AtomicInteger();
        JFrame[] frame = new JFrame[1];
        SwingUtilities.invokeAndWait(() -> {
            frame[0] = new JFrame("capture target");
            frame[0].setUndecorated(true);
            JButton button = new JButton("Press");
            button.setBackground(new Color(0x00c000));
            button.setOpaque(true);
            button.setBorderPainted(false);
            button.addActionListener(e -> clicks.incrementAndGet());
            frame[0].setContentPane(button);
            frame[0].setBounds(200, 150, 160, 100);
            frame[0].setVisible(true);
        });
        try (DesktopCapture capture = DesktopCapture.start(new ScreenSettings.Capture(Duration.ofSeconds(5)))) {
            Poll.until(Duration.ofSeconds(10), "window painted and captured", () -> {
                capture.capture();
                int[] px = new int[1];
                capture.copyPixels(280, 200, 1, 1, px, 0, 1);
                return (px[0] & 0xffffff) == 0x00c000;
            });
            // The window may still be finishing its paint: once the screen holds still, a capture reports nothing.
            Poll.until(
                    Duration.ofSeconds(10),
                    "a capture of an unchanged screen is empty",
                    () -> capture.capture().isEmpty());
            List<Rectangle> damage = new CopyOnWriteArrayList<>();
            capture.addDamageListener(damage::add);

            capture.pointer(280, 200, 0);
            capture.pointer(280, 200, 1);
            capture.pointer(280, 200, 0);
            Poll.until(Duration.ofSeconds(10), "click delivered", () -> clicks.get() == 1);
            assertThat(MouseInfo.getPointerInfo().getLocation()).isEqualTo(new Point(280, 200));

            SwingUtilities.invokeAndWait(() -> frame[0].setBounds(600, 150, 160, 100));
            Poll.until(
                    Duration.ofSeconds(10),
                    "moved window captured",
                    () -> !capture.capture().isEmpty());
            assertThat(damage).isNotEmpty().allMatch(r -> r.width <= 64 && r.height <= 64);
            assertThat(damage.size()).isLessThan((capture.width() / 64) * (capture.height() / 64) / 4);
        } finally {
            SwingUtilities.invokeAndWait(() -> frame[0].dispose());
        }
    }
}
