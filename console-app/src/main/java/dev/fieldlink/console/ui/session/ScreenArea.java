package dev.fieldlink.console.ui.session;

import java.time.Duration;
import java.util.Optional;
import javax.swing.JComponent;

/** What the session window shows as the machine's screen, and the figures it measures. Use on the EDT. */
public interface ScreenArea {
    /** Connection figures; a figure not measured (yet) is null. */
    record Figures(Double framesPerSecond, Double kilobitsPerSecond, Duration latency) {
        public static final Figures NONE = new Figures(null, null, null);
    }

    JComponent component();

    /** The latest figures. */
    Figures figures();

    /** Scale to the window ({@code true}) or show pixels 1:1. */
    void setFitToWindow(boolean fit);

    /** Send no keyboard or mouse input. */
    void setViewOnly(boolean viewOnly);

    /**
     * Ask the machine to send photographic areas as JPEG (faster on slow links and for camera pictures; slightly
     * lossy) or everything exact. Text and flat areas stay exact either way.
     */
    void setCompressPhotos(boolean compress);

    /** Why the screen connection ended, once it has; empty while it runs. */
    Optional<String> lost();

    /** Closes the screen connection. */
    void close();
}
