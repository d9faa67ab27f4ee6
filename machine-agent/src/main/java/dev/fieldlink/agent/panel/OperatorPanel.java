package dev.fieldlink.agent.panel;

import dev.fieldlink.agent.Agent;
import dev.fieldlink.agent.screen.simulated.SimulatedHmi;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.time.ZoneId;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * The operator panel's windows, driven by a {@link PanelController}: the idle strip (always), the consent window
 * (brought to the front on a request), the active banner (always on top during a session) and, for the simulated
 * HMI, the machine screen with the technician's pointer. Build and use on the EDT.
 */
public final class OperatorPanel {
    private final PanelController controller;
    private final Messages text;
    private final IdleStrip strip;
    private final ConsentWindow consent;
    private final ActiveBanner banner;
    private final JFrame screenWindow;
    private final ScreenView screenView;
    private final Timer clock;
    private final Runnable renderer = this::render;
    private String shownConsent;
    private boolean disposed;

    /**
     * @param agent the attached agent ({@code controller.attach(agent)} done)
     */
    public OperatorPanel(Agent agent, PanelController controller, Messages text, ZoneId zone) {
        this.controller = controller;
        this.text = text;
        this.strip = new IdleStrip(text, this::openSwitches);
        this.consent = new ConsentWindow(text, minutes -> controller.allow(minutes), controller::decline);
        this.banner = new ActiveBanner(text, zone, controller::endNow, controller::sendChat);
        if (agent.screen() instanceof SimulatedHmi hmi) {
            screenView = new ScreenView(hmi);
            screenWindow = new JFrame(text.get("screen.title") + " - "
                    + agent.config().screen().simulated().machineName());
            screenWindow.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
            screenWindow.setContentPane(screenView);
            screenWindow.pack();
            hmi.addDamageListener(r -> SwingUtilities.invokeLater(
                    () -> screenView.refresh(controller.model().pointer())));
        } else {
            screenView = null;
            screenWindow = null;
        }
        controller.model().addListener(renderer);
        clock = new Timer(500, e -> tick());
        layoutWindows();
    }

    private void layoutWindows() {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        showStrip();
        if (screenWindow != null) {
            screenWindow.setLocation(screen.x + 8, screen.y + 8);
        }
        banner.setLocation(screen.x + screen.width - banner.getWidth() - 8, screen.y + 8 + strip.getHeight() + 8);
    }

    /**
     * Marks every window of this panel as part of the sandbox (training): the mark appears in each title and on the
     * strip, the consent window and the banner. Call before {@link #show}.
     */
    public void markSandbox(String mark) {
        for (Frame f : new Frame[] {strip, consent, banner, screenWindow}) {
            if (f != null) {
                f.setTitle("[" + mark + "] " + f.getTitle());
            }
        }
        strip.mark(mark);
        consent.mark(mark);
        banner.mark(mark);
    }

    /** Shows the strip (and the machine screen) and starts the countdown clock. */
    public void show() {
        if (screenWindow != null) {
            screenWindow.setVisible(true);
        }
        strip.setVisible(true);
        clock.start();
        render();
    }

    /** Closes every window for good; later model changes (the agent stopping) no longer bring any back. */
    public void dispose() {
        disposed = true;
        controller.model().removeListener(renderer);
        clock.stop();
        strip.dispose();
        consent.dispose();
        banner.dispose();
        if (screenWindow != null) {
            screenWindow.dispose();
        }
    }

    /** Updates the strip and keeps it anchored to the top right corner as its text changes width. */
    private void showStrip() {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        strip.show(controller.model());
        strip.setLocation(screen.x + screen.width - strip.getWidth() - 8, screen.y + 8);
    }

    private void render() {
        if (disposed) {
            return;
        }
        PanelModel m = controller.model();
        showStrip();
        if (m.consent() != null) {
            if (!m.consent().sessionId().equals(shownConsent) || !consent.isVisible()) {
                shownConsent = m.consent().sessionId();
                consent.show(m.consent());
                consent.setLocationRelativeTo(null);
                consent.setVisible(true);
                consent.toFront();
            }
        } else if (consent.isVisible()) {
            consent.setVisible(false);
            shownConsent = null;
        }
        if (m.active() != null) {
            banner.show(m.active(), m.feed(), m.chat(), text.get("chat.you"));
            if (!banner.isVisible()) {
                banner.setVisible(true);
            }
        } else if (banner.isVisible()) {
            banner.setVisible(false);
        }
        if (screenView != null) {
            screenView.refresh(m.pointer());
        }
        tick();
    }

    private void tick() {
        consent.countdown(controller.consentRemaining());
        banner.remaining(controller.remaining());
    }

    private void openSwitches() {
        new SwitchesDialog(strip, text, controller).setVisible(true);
    }

    // Package-private views for tests and screenshots.
    IdleStrip strip() {
        return strip;
    }

    ConsentWindow consentWindow() {
        return consent;
    }

    ActiveBanner banner() {
        return banner;
    }

    JFrame screenWindow() {
        return screenWindow;
    }
}
