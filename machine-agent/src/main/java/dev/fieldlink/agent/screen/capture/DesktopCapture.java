package dev.fieldlink.agent.screen.capture;

import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.screen.ImageScreen;
import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary display, captured with {@link Robot} at the configured interval; only tiles that changed since the
 * previous capture are reported as damage. The technician's pointer and keys are injected with the same Robot.
 *
 * <p>Thread-safe. Needs a display (not headless).
 */
public final class DesktopCapture extends ImageScreen {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopCapture.class);

    private final Robot robot;
    private final Rectangle bounds;
    private final ScheduledExecutorService poller;
    private int lastMask;

    private DesktopCapture(Robot robot, Rectangle bounds, long intervalMillis) {
        super(bounds.width, bounds.height);
        this.robot = robot;
        this.bounds = bounds;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fieldlink-capture");
            t.setDaemon(true);
            return t;
        });
        capture();
        poller.scheduleWithFixedDelay(this::captureQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts capturing the primary display.
     *
     * @throws IllegalStateException if there is no display or Robot is not allowed
     */
    public static DesktopCapture start(ScreenSettings.Capture settings) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("screen source 'capture' needs a display, but this JVM is headless");
        }
        try {
            Rectangle bounds = GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getDefaultScreenDevice()
                    .getDefaultConfiguration()
                    .getBounds();
            return new DesktopCapture(new Robot(), bounds, settings.interval().toMillis());
        } catch (AWTException e) {
            throw new IllegalStateException("screen source 'capture' cannot use Robot: " + e.getMessage(), e);
        }
    }

    /** Captures now and reports changed tiles. */
    public List<Rectangle> capture() {
        BufferedImage shot = robot.createScreenCapture(bounds);
        BufferedImage rgb = shot.getType() == BufferedImage.TYPE_INT_RGB ? shot : convert(shot);
        return publish(rgb);
    }

    private void captureQuietly() {
        try {
            capture();
        } catch (RuntimeException e) {
            LOG.warn("Screen capture failed: {}", e.toString());
        }
    }

    private static BufferedImage convert(BufferedImage shot) {
        BufferedImage rgb = new BufferedImage(shot.getWidth(), shot.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(shot, 0, 0, null);
        return rgb;
    }

    @Override
    public synchronized void pointer(int x, int y, int buttonMask) {
        robot.mouseMove(bounds.x + x, bounds.y + y);
        int[][] buttons = {
            {1, InputEvent.BUTTON1_DOWN_MASK}, {2, InputEvent.BUTTON2_DOWN_MASK}, {4, InputEvent.BUTTON3_DOWN_MASK}
        };
        for (int[] b : buttons) {
            boolean was = (lastMask & b[0]) != 0;
            boolean is = (buttonMask & b[0]) != 0;
            if (!was && is) {
                robot.mousePress(b[1]);
            } else if (was && !is) {
                robot.mouseRelease(b[1]);
            }
        }
        if ((buttonMask & 8) != 0 && (lastMask & 8) == 0) {
            robot.mouseWheel(-1);
        }
        if ((buttonMask & 16) != 0 && (lastMask & 16) == 0) {
            robot.mouseWheel(1);
        }
        lastMask = buttonMask;
    }

    @Override
    public synchronized void key(int keysym, boolean down) {
        int code = KeysymMap.keyCode(keysym);
        if (code == 0) {
            LOG.debug("No key code for keysym 0x{}", Integer.toHexString(keysym));
            return;
        }
        try {
            if (down) {
                robot.keyPress(code);
            } else {
                robot.keyRelease(code);
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("Robot refused key code {}: {}", code, e.getMessage());
        }
    }

    @Override
    public void cutText(String text) {
        try {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(text), null);
        } catch (IllegalStateException e) {
            LOG.warn("Clipboard unavailable: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
