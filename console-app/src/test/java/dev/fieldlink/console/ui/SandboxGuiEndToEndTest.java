package dev.fieldlink.console.ui;

import static dev.fieldlink.console.ui.Swing.await;
import static dev.fieldlink.console.ui.Swing.find;
import static dev.fieldlink.console.ui.Swing.onEdt;
import static dev.fieldlink.console.ui.Swing.run;
import static dev.fieldlink.console.ui.Swing.screenshot;
import static dev.fieldlink.console.ui.Swing.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.auth.client.InMemoryTokenStore;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.testing.SteppingClock;
import dev.fieldlink.console.ui.history.ReplayDialog;
import dev.fieldlink.console.ui.login.TraineeAccount;
import dev.fieldlink.console.ui.main.ConsoleContext;
import dev.fieldlink.console.ui.main.MainFrame;
import dev.fieldlink.console.ui.main.SandboxLauncher;
import dev.fieldlink.console.ui.session.RemoteScreenArea;
import dev.fieldlink.console.ui.session.RequestDialog;
import dev.fieldlink.console.ui.session.SessionWindow;
import dev.fieldlink.sandbox.RunningSandbox;
import dev.fieldlink.sandbox.Sandbox;
import dev.fieldlink.sandbox.SandboxMachine;
import dev.fieldlink.sandbox.SandboxOptions;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JSlider;
import javax.swing.JTable;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The console against the real sandbox, driven like a trainee would under Xvfb: pick a trainee account, sign in,
 * see the entitled machines, request a session, get the simulated operator's consent, see the simulated HMI through
 * the relay, end; then, as the team lead, find the session in the history and replay its recording. Each screen is
 * photographed to {@code target/screenshots/sandbox-*.png} in both themes.
 */
class SandboxGuiEndToEndTest {
    static final SteppingClock CLOCK = new SteppingClock();
    static RunningSandbox sandbox;

    private MainFrame frame;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.defaults()
                .withClock(CLOCK)
                .withConsentDelay(Duration.ofMillis(500))
                .withConsentTimeout(Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void closeWindows() {
        run(() -> {
            for (Window w : Window.getWindows()) {
                w.dispose();
            }
        });
    }

    private void open(Theme theme, Path downloads) {
        Messages messages = new Messages(Locale.ENGLISH);
        List<TraineeAccount> trainees = SandboxLauncher.trainees(sandbox, messages);
        ConsoleContext context = new ConsoleContext(
                messages,
                UiTasks.swing(),
                CLOCK,
                new SandboxMark(true, messages),
                new ConsoleContext.LoginDefaults(sandbox.relayAddress(), sandbox.tlsFingerprint(), "", trainees, true),
                downloads,
                (address, tls) -> new RelayClient(address, tls, new InMemoryTokenStore()),
                RemoteScreenArea.factory(Duration.ofSeconds(15)),
                d -> {},
                Duration.ofSeconds(5),
                Clock.systemUTC());
        frame = onEdt(() -> {
            theme.apply();
            MainFrame f = new MainFrame(context);
            f.setSize(1280, 800);
            f.setVisible(true);
            return f;
        });
        await("login form", () -> find(frame, "signIn") != null);
    }

    private void signInAs(String username) {
        CLOCK.nextTotpStep();
        run(() -> {
            JComboBox<?> accounts = find(frame, "trainees");
            for (int i = 0; i < accounts.getItemCount(); i++) {
                if (((TraineeAccount) accounts.getItemAt(i)).username().equals(username)) {
                    accounts.setSelectedIndex(i);
                }
            }
        });
        assertThat(onEdt(() -> ((JTextComponent) find(frame, "username")).getText()))
                .isEqualTo(username);
        run(() -> ((AbstractButton) find(frame, "signIn")).doClick());
    }

    /** The number of distinct colours {@code view} paints on a coarse grid: a drawn HMI has many. */
    private static int coloursShown(JComponent view) {
        return onEdt(() -> {
            if (view.getWidth() == 0 || view.getHeight() == 0) {
                return 0;
            }
            BufferedImage img = new BufferedImage(view.getWidth(), view.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            view.paint(g);
            g.dispose();
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 12) {
                for (int x = 0; x < img.getWidth(); x += 12) {
                    colours.add(img.getRGB(x, y));
                }
            }
            return colours.size();
        });
    }

    private static String suffix(Theme theme) {
        return theme.name().toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void trainee_signsIn_getsConsent_seesTheHmi_ends_andTheLeadReplaysTheSession(Theme theme) throws Exception {
        Path downloads = java.nio.file.Files.createTempDirectory("fieldlink-e2e");
        SandboxMachine machine = sandbox.machines().stream()
                .filter(m -> m.behaviour() == SandboxMachine.Behaviour.APPROVES)
                .filter(m -> m.region().equals("DE") && m.productLine().equals("digital-cutter"))
                .findFirst()
                .orElseThrow();

        open(theme, downloads);
        assertThat(onEdt(() -> (Object) find(frame, "sandboxBanner"))).isNotNull();
        assertThat(onEdt(frame::getTitle)).startsWith("SANDBOX");
        signInAs("anna.dach");
        screenshot(frame, "sandbox-login-" + suffix(theme));
        await("anna's six machines", () -> find(frame, "machines") instanceof JTable t && t.getRowCount() == 6);
        await("online states", () -> frame.machines().table().getRowCount() == 6);
        run(() -> frame.machines().select(machine.id()));
        screenshot(frame, "sandbox-machines-" + suffix(theme));

        run(() -> ((AbstractButton) find(frame, "request")).doClick());
        await("request dialog", () -> window(RequestDialog.class) != null);
        RequestDialog dialog = onEdt(() -> window(RequestDialog.class));
        run(() -> dialog.fill("Knife pressure alarm E-214 after blade change", "CASE-2211", 15));
        run(dialog::submit);
        await("session window", () -> window(SessionWindow.class) != null);
        SessionWindow session = onEdt(() -> window(SessionWindow.class));
        await("remote screen", () -> find(session, "remoteScreen") != null);
        JComponent view = onEdt(() -> find(session, "remoteScreen"));
        await("the simulated HMI drawn in the window", () -> coloursShown(view) > 8);
        await("connection figures", () -> !Swing.text(session, "bitrate").equals("\u2013"));
        screenshot(session, "sandbox-session-" + suffix(theme));

        run(() -> ((AbstractButton) find(session, "end")).doClick());
        await("end notice", session::showsEndNotice);
        assertThat(onEdt(() -> ((JTextComponent) find(session, "endText")).getText()))
                .isEqualTo("You ended the session.");
        closeWindows();

        open(theme, downloads);
        signInAs("clara.lead");
        await(
                "history",
                () -> frame.history() != null && frame.history().table().getRowCount() > 0);
        run(() -> frame.history().table().setRowSelectionInterval(0, 0));
        await("timeline", () -> find(frame, "timeline") instanceof JTable t && t.getRowCount() >= 4);
        screenshot(frame, "sandbox-history-" + suffix(theme));

        run(() -> ((AbstractButton) find(frame, "replay")).doClick());
        await(
                "recording downloaded",
                () -> window(ReplayDialog.class) != null
                        && window(ReplayDialog.class).shownCard().equals("player"));
        ReplayDialog replay = onEdt(() -> window(ReplayDialog.class));
        JComponent replayView = onEdt(() -> find(replay, "replayScreen"));
        // The recording starts before the first picture arrived: seek to the end, where the HMI was on screen.
        run(() -> {
            JSlider slider = find(replay, "replaySlider");
            slider.setValue(slider.getMaximum());
        });
        await("the recorded HMI", () -> coloursShown(replayView) > 8);
        screenshot(replay, "sandbox-replay-" + suffix(theme));
    }
}
