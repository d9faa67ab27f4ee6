package dev.fieldlink.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.agent.Agent;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.config.PanelSettings;
import dev.fieldlink.agent.config.SessionSettings;
import dev.fieldlink.agent.connection.ConnectionStatus;
import dev.fieldlink.agent.screen.simulated.SimulatedHmi;
import dev.fieldlink.agent.switches.AdminPin;
import dev.fieldlink.auth.password.PasswordHasher;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.testing.MutableClock;
import dev.fieldlink.testing.Poll;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operator panel on a real (virtual) display, driven through its controller: idle, consent, active and ended,
 * in English and German, light and dark. Writes screenshots to {@code target/screenshots} (copied to
 * {@code docs/screenshots}).
 */
class OperatorPanelTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static <T> T onEdt(Callable<T> c) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                out.set(c.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return out.get();
    }

    @ParameterizedTest
    @CsvSource({"en,light", "de,light", "en,dark"})
    void consentAllowEnd_andDecline_throughThePanel(String language, String theme) throws Exception {
        MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");
        PanelSettings.Language lang = PanelSettings.Language.valueOf(language.toUpperCase());
        PanelSettings.Theme look = PanelSettings.Theme.valueOf(theme.toUpperCase());
        AgentConfig config = AgentConfig.defaults("press-0042")
                .withDataDirectory(dir)
                .withSwitches(new CustomerSwitches(true, false, true))
                .withSession(new SessionSettings(Duration.ofMinutes(60), Duration.ofMinutes(2)))
                .withPanel(new PanelSettings(lang, look, null));
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.Parameters.TEST, new SecureRandom());
        PanelController controller = new PanelController(
                new AdminPin(hasher.hash("135790".toCharArray()), hasher, clock),
                clock,
                Executors.newSingleThreadExecutor(),
                "Olga Operator");
        Agent agent = Agent.builder(config).clock(clock).operator(controller).build();
        List<ControlMessage> toRelay = new CopyOnWriteArrayList<>();
        agent.sessions().setRelayLink(toRelay::add);
        controller.attach(agent);
        controller.accept(new ConnectionStatus(
                ConnectionStatus.State.CONNECTED, "relay.example.com:8022", clock.instant(), null));
        Messages text = new Messages(lang.locale());
        OperatorPanel panel = onEdt(() -> {
            PanelTheme.install(look);
            OperatorPanel p = new OperatorPanel(agent, controller, text, ZoneOffset.UTC);
            p.show();
            return p;
        });
        String suffix = language + (look == PanelSettings.Theme.DARK ? "-dark" : "");
        try {
            Poll.until(
                    WAIT,
                    "strip shows connected",
                    () -> call(() ->
                            panel.strip().isVisible() && controller.model().connection() != null));
            screenshot("agent-idle-" + suffix, panel.strip());

            agent.sessions()
                    .onRequested(new ControlMessage.SessionRequested(
                            "s-81",
                            "t7",
                            "Tom Berger",
                            "PressCo Service GmbH",
                            photo(),
                            "Vacuum alarm E-214 on table zone 3",
                            "CASE-2026-0815",
                            45,
                            null,
                            false));
            Poll.until(
                    WAIT,
                    "consent window",
                    () -> call(() -> panel.consentWindow().isVisible()));
            List<Integer> choices = onEdt(() -> {
                List<Integer> c = new ArrayList<>();
                for (int i = 0; i < panel.consentWindow().duration.getItemCount(); i++) {
                    c.add(panel.consentWindow().duration.getItemAt(i));
                }
                return c;
            });
            assertThat(choices).isNotEmpty().allMatch(m -> m <= 45).contains(45);
            assertThat(agent.sessions().active())
                    .as("nothing allowed without a click")
                    .isEmpty();
            clock.advance(Duration.ofSeconds(17));
            onEdt(() -> {
                panel.consentWindow().countdown(controller.consentRemaining());
                return null;
            });
            screenshot("agent-consent-" + suffix, panel.consentWindow());

            assertThat(controller.allow(30).get()).isTrue();
            Poll.until(WAIT, "banner", () -> call(() -> panel.banner().isVisible()));
            assertThat(toRelay).contains(new ControlMessage.SessionConsent("s-81", true, 30, "Olga Operator"));
            SimulatedHmi hmi = (SimulatedHmi) agent.screen();
            agent.sessions().openScreen("s-81");
            Point diag = hmi.locate("Diagnostics").orElseThrow();
            agent.input().pointer(diag.x, diag.y, 1);
            agent.input().pointer(diag.x, diag.y, 0);
            Point sensors = hmi.locate("Diagnostics > Sensors").orElseThrow();
            agent.input().pointer(sensors.x, sensors.y, 1);
            agent.input().pointer(sensors.x, sensors.y, 0);
            agent.input().pointer(sensors.x + 260, sensors.y + 170, 0);
            agent.sessions()
                    .onChat(new ControlMessage.Chat(
                            "s-81",
                            "technician",
                            "Tom Berger",
                            "Vacuum zone 3 reads low. Please check the table cover.",
                            clock.instant()));
            controller.sendChat("Cover checked, it is in place.").get();
            clock.advance(Duration.ofMinutes(4).plusSeconds(12));
            Poll.until(
                    WAIT,
                    "feed shows the clicks",
                    () -> call(() -> controller.model().feed().size() >= 3
                            && controller.model().chat().size() == 2));
            onEdt(() -> {
                panel.banner().remaining(controller.remaining());
                return null;
            });
            assertThat(controller.model().feed().get(2).control()).isEqualTo("Diagnostics > Sensors");
            screenshot("agent-active-" + suffix, panel.banner(), panel.screenWindow());

            controller.endNow().get();
            Poll.until(WAIT, "banner gone", () -> call(() -> !panel.banner().isVisible()));
            assertThat(controller.model().lastEnd()).isEqualTo(EndCause.OPERATOR);
            assertThat(toRelay)
                    .anyMatch(m -> m instanceof ControlMessage.SessionEnded e && e.cause() == EndCause.OPERATOR);
            screenshot("agent-ended-" + suffix, panel.strip());

            agent.sessions()
                    .onRequested(new ControlMessage.SessionRequested(
                            "s-82", "t7", "Tom Berger", "PressCo", null, "r", "c", 10, null, false));
            Poll.until(
                    WAIT,
                    "second consent window",
                    () -> call(() -> panel.consentWindow().isVisible()));
            assertThat(controller.decline().get()).isTrue();
            Poll.until(
                    WAIT,
                    "consent window gone",
                    () -> call(() -> !panel.consentWindow().isVisible()));
            assertThat(toRelay).contains(new ControlMessage.SessionConsent("s-82", false, 0, "Olga Operator"));
            assertThat(controller.model().lastEnd()).isEqualTo(EndCause.DECLINED);
        } finally {
            onEdt(() -> {
                panel.dispose();
                return null;
            });
            agent.close();
        }
    }

    /** An English agent with an attached panel controller (admin PIN 135790), on the given clock. */
    private Agent agentWith(PanelController[] controllerOut, MutableClock clock) {
        AgentConfig config = AgentConfig.defaults("press-0042")
                .withDataDirectory(dir)
                .withSwitches(new CustomerSwitches(true, false, true))
                .withPanel(new PanelSettings(PanelSettings.Language.EN, PanelSettings.Theme.LIGHT, null));
        PasswordHasher hasher = new PasswordHasher(PasswordHasher.Parameters.TEST, new SecureRandom());
        PanelController controller = new PanelController(
                new AdminPin(hasher.hash("135790".toCharArray()), hasher, clock),
                clock,
                Executors.newSingleThreadExecutor(),
                "Olga Operator");
        Agent agent = Agent.builder(config).clock(clock).operator(controller).build();
        controller.attach(agent);
        controllerOut[0] = controller;
        return agent;
    }

    @Test
    void disposedPanel_staysClosed_whenTheAgentStopsAfterwards() throws Exception {
        PanelController[] controller = new PanelController[1];
        Agent agent = agentWith(controller, MutableClock.at("2026-11-23T08:00:00Z"));
        OperatorPanel panel = onEdt(() -> {
            PanelTheme.install(PanelSettings.Theme.LIGHT);
            OperatorPanel p = new OperatorPanel(agent, controller[0], new Messages(Locale.ENGLISH), ZoneOffset.UTC);
            p.show();
            return p;
        });
        Poll.until(WAIT, "strip shown", () -> call(() -> panel.strip().isDisplayable()));

        onEdt(() -> {
            panel.dispose();
            return null;
        });
        agent.close();
        Poll.until(
                WAIT,
                "the model saw the agent stop",
                () -> call(() -> controller[0].model().connection().state() == ConnectionStatus.State.STOPPED));

        assertThat(call(() -> panel.strip().isDisplayable() || panel.strip().isVisible()))
                .as("strip after dispose")
                .isFalse();
    }

    @Test
    void closingTheSwitchesDialog_disposesIt_andClearsTheTypedPin() throws Exception {
        PanelController[] controller = new PanelController[1];
        Agent agent = agentWith(controller, MutableClock.at("2026-11-23T08:00:00Z"));
        try {
            SwitchesDialog dialog = onEdt(() -> {
                SwitchesDialog d = new SwitchesDialog(null, new Messages(Locale.ENGLISH), controller[0]);
                d.pin.setText("135790");
                d.dispatchEvent(new WindowEvent(d, WindowEvent.WINDOW_CLOSING));
                return d;
            });

            assertThat(call(dialog::isDisplayable)).as("dialog after closing").isFalse();
            assertThat(onEdt(() -> dialog.pin.getPassword())).isEmpty();
        } finally {
            agent.close();
        }
    }

    private static boolean call(Callable<Boolean> c) {
        try {
            return onEdt(c);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A stand-in portrait, so the screenshots show where the technician's photo goes. */
    private static String photo() throws Exception {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x8fb3d9), 0, 256, new Color(0x4a6f99)));
        g.fillRect(0, 0, 256, 256);
        g.setColor(new Color(0xf1c9a5));
        g.fillOval(78, 40, 100, 120);
        g.setColor(new Color(0x3b2a20));
        g.fillArc(74, 30, 108, 80, 0, 180);
        g.setColor(new Color(0x2d3e50));
        g.fillRoundRect(40, 170, 176, 120, 80, 80);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /** A real screenshot of the display, cropped to the given windows. */
    private static void screenshot(String name, Window... windows) throws Exception {
        Rectangle area = onEdt(() -> {
            Rectangle r = null;
            for (Window w : windows) {
                if (w != null && w.isVisible()) {
                    r = r == null ? w.getBounds() : r.union(w.getBounds());
                }
            }
            return r;
        });
        assertThat(area).as("a visible window to capture").isNotNull();
        // Let the windows paint: wait until the EDT has drained its queue twice.
        onEdt(() -> null);
        onEdt(() -> null);
        BufferedImage shot = new Robot().createScreenCapture(area);
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        ImageIO.write(shot, "png", out.resolve(name + ".png").toFile());
    }
}
