package dev.fieldlink.agent.screen;

import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.screen.capture.DesktopCapture;
import dev.fieldlink.agent.screen.simulated.SimulatedHmi;
import java.time.Clock;

/** Builds the configured screen source. */
public final class ScreenSources {
    private ScreenSources() {}

    /**
     * The screen for {@code settings}, or null for {@code vnc-proxy} (that source forwards bytes to an existing VNC
     * server instead of serving pixels).
     */
    public static AgentScreen create(ScreenSettings settings, Clock clock) {
        return switch (settings.source()) {
            case SIMULATED -> new SimulatedHmi(settings.simulated(), clock);
            case CAPTURE -> DesktopCapture.start(settings.capture());
            case VNC_PROXY -> null;
        };
    }
}
