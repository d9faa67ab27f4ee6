package dev.fieldlink.console.ui;

import static dev.fieldlink.console.ui.Swing.await;
import static dev.fieldlink.console.ui.Swing.find;
import static dev.fieldlink.console.ui.Swing.onEdt;
import static dev.fieldlink.console.ui.Swing.run;
import static dev.fieldlink.console.ui.Swing.screenshot;
import static dev.fieldlink.console.ui.Swing.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.auth.client.InMemoryTokenStore;
import dev.fieldlink.console.relay.MockRelay;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.screen.TestRecordings;
import dev.fieldlink.console.screen.TestScreen;
import dev.fieldlink.console.ui.history.ReplayDialog;
import dev.fieldlink.console.ui.history.ReplayPlayerPanel;
import dev.fieldlink.console.ui.main.ConsoleContext;
import dev.fieldlink.console.ui.main.MainFrame;
import dev.fieldlink.console.ui.session.RemoteScreenArea;
import dev.fieldlink.console.ui.session.RequestDialog;
import dev.fieldlink.console.ui.session.SessionWindow;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JSlider;
import javax.swing.JTable;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The console's windows driven like a person would, under Xvfb, against a scripted stand-in for the relay (it
 * isolates the GUI; the capability tests run against the sandbox). Each screen is photographed to
 * {@code target/screenshots/} in both themes.
 */
class ConsoleFlowGuiTest {
    private ScriptedRelay relay;
    private MainFrame frame;
    private final java.time.Clock replayClock = java.time.Clock.systemUTC();

    @TempDir
    Path downloads;

    private TestScreen screen;
    private java.util.function.Consumer<ConsoleContext.LoginDefaults> onSignIn = d -> {};

    @BeforeEach
    void start() throws Exception {
        relay = new ScriptedRelay();
        screen = new TestScreen(TestScreen.hmi(1024, 640, "Speedmaster XL 106 \u2013 Feeder", "E42 sensor"));
        relay.screen = screen;
    }

    @AfterEach
    void stop() {
        run(() -> {
            for (Window w : Window.getWindows()) {
                w.dispose();
            }
        });
        relay.close();
        screen.close();
    }

    private static String label(Window window, String name) {
        return onEdt(() -> Swing.text(window, name));
    }

    /** What {@code view} shows (as painted) at the remote pixel (x, y) of a {@code w} x {@code h} screen. */
    private static int shownAt(JComponent view, int w, int h, int x, int y) {
        return onEdt(() -> {
            if (view.getWidth() == 0 || view.getHeight() == 0) {
                return -1;
            }
            BufferedImage img = new BufferedImage(view.getWidth(), view.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            view.paint(g);
            g.dispose();
            double scale = Math.min(1, Math.min((double) view.getWidth() / w, (double) view.getHeight() / h));
            int ox = (int) Math.max(0, (view.getWidth() - w * scale) / 2);
            int oy = (int) Math.max(0, (view.getHeight() - h * scale) / 2);
            int px = Math.min(img.getWidth() - 1, ox + (int) Math.round((x + 0.5) * scale));
            int py = Math.min(img.getHeight() - 1, oy + (int) Math.round((y + 0.5) * scale));
            return img.getRGB(px, py) & 0xFFFFFF;
        });
    }

    private void open(Theme theme, Locale locale, boolean sandbox) {
        Messages messages = new Messages(locale);
        ConsoleContext context = new ConsoleContext(
                messages,
                UiTasks.swing(),
                Clock.fixed(ScriptedRelay.T0, ZoneId.of("Europe/Berlin")),
                new SandboxMark(sandbox, messages),
                new ConsoleContext.LoginDefaults(
                        relay.relay.address().display(), MockRelay.pin().toString(), "", List.of(), false),
                downloads,
                (address, tls) -> new RelayClient(address, tls, new InMemoryTokenStore()),
                RemoteScreenArea.factory(Duration.ofSeconds(10)),
                d -> onSignIn.accept(d),
                Duration.ofMinutes(10),
                replayClock);
        frame = onEdt(() -> {
            theme.apply();
            MainFrame f = new MainFrame(context);
            f.setSize(1200, 720);
            f.setVisible(true);
            return f;
        });
    }

    private void type(String name, String text) {
        run(() -> ((JTextComponent) find(frame, name)).setText(text));
    }

    private void signIn(String username, String password) {
        type("username", username);
        type("password", password);
        type("code", "123456");
        run(() -> ((AbstractButton) find(frame, "signIn")).doClick());
    }

    private static String suffix(Theme theme) {
        return theme.name().toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void technician_signsIn_requests_waitsForConsent_getsTheSession_chats_andEnds(Theme theme) {
        open(theme, Locale.ENGLISH, false);
        await("login form", () -> find(frame, "signIn") != null);
        type("username", "anna");
        screenshot(frame, "login-" + suffix(theme));

        signIn("anna", "correct horse battery");
        await("machine table filled", () -> find(frame, "machines") instanceof JTable t && t.getRowCount() == 6);
        assertThat(onEdt(() -> frame.machines().shownCard())).isEqualTo("table");
        run(() -> frame.machines().select("m1"));
        screenshot(frame, "machines-" + suffix(theme));

        type("search", "cutter");
        await("search filters", () -> frame.machines().table().getRowCount() == 2);
        type("search", "");

        run(() -> frame.machines().select("m1"));
        run(() -> ((AbstractButton) find(frame, "request")).doClick());
        await("request dialog", () -> window(RequestDialog.class) != null);
        RequestDialog dialog = onEdt(() -> window(RequestDialog.class));
        run(dialog::submit);
        await("reason required", () -> label(dialog, "requestError").contains("reason"));
        run(() -> dialog.fill("Feeder stops with E42 after plate change", "CASE-1042", 30));
        screenshot(dialog, "request-" + suffix(theme));
        run(dialog::submit);
        await(
                "waiting view",
                () -> dialog.shownCard().equals("waiting")
                        && ((javax.swing.JLabel) find(dialog, "countdown"))
                                .getText()
                                .contains("2:00"));
        screenshot(dialog, "waiting-" + suffix(theme));

        relay.consent.countDown();
        await("session window", () -> window(SessionWindow.class) != null);
        SessionWindow session = onEdt(() -> window(SessionWindow.class));
        await(
                "operator's chat line",
                () -> ((JTextComponent) find(session, "transcript")).getText().contains("E42"));
        assertThat(onEdt(() -> ((javax.swing.JLabel) find(session, "remaining")).getText()))
                .isEqualTo("30:00");
        await(
                "events reconnected",
                () -> ((javax.swing.JLabel) find(session, "notice")).getText().isBlank());

        // The machine's real screen, through the SSH tunnel and RFB, drawn in the window.
        await("remote screen shown", () -> find(session, "remoteScreen") != null);
        JComponent view = onEdt(() -> find(session, "remoteScreen"));
        await(
                "the HMI's pixels in the window",
                () -> shownAt(view, 1024, 640, 512, 320) == TestScreen.CENTER_COLOUR
                        && shownAt(view, 1024, 640, 10, 10) == 0x1F3A5F);
        await("connection figures", () -> !label(session, "bitrate").equals("\u2013"));
        assertThat(onEdt(() -> view.isFocusOwner() || view.isFocusable())).isTrue();
        screenshot(session, "session-" + suffix(theme));

        // 1:1 and view-only switch the view, not the connection.
        run(() -> ((AbstractButton) find(session, "fit")).doClick());
        run(() -> ((AbstractButton) find(session, "viewOnly")).doClick());
        assertThat(onEdt(() -> ((dev.fieldlink.viewer.swing.RemoteScreenView) view).scaleMode()))
                .isEqualTo(dev.fieldlink.viewer.swing.ScaleMode.ONE_TO_ONE);
        assertThat(onEdt(() -> ((dev.fieldlink.viewer.swing.RemoteScreenView) view).isViewOnly()))
                .isTrue();
        run(() -> ((AbstractButton) find(session, "fit")).doClick());
        run(() -> ((AbstractButton) find(session, "viewOnly")).doClick());

        // "Compress photos" asks the machine for JPEG (TigerVNC's quality level 8) and back for exact pictures.
        int quality8 = dev.fieldlink.viewer.rfb.Encodings.qualityLevel(8);
        assertThat(screen.encodingsSent()).noneMatch(list -> list.contains(quality8));
        run(() -> ((AbstractButton) find(session, "compressPhotos")).doClick());
        await(
                "JPEG asked for",
                () -> !screen.encodingsSent().isEmpty()
                        && screen.encodingsSent()
                                .get(screen.encodingsSent().size() - 1)
                                .contains(quality8));
        run(() -> ((AbstractButton) find(session, "compressPhotos")).doClick());
        await(
                "exact pictures asked for",
                () -> screen.encodingsSent().size() >= 3
                        && !screen.encodingsSent()
                                .get(screen.encodingsSent().size() - 1)
                                .contains(quality8));

        // The machine's side drops the screen connection: the window says so, and can reconnect.
        screen.dropConnections();
        await("lost notice", () -> find(session, "screenLostText") != null);
        assertThat(label(session, "screenLostText"))
                .isEqualTo("The screen connection was lost: the relay or the machine closed the connection.");
        await("notice bar", () -> label(session, "notice").startsWith("The screen connection was lost"));
        screenshot(session, "session-lost-" + suffix(theme));
        run(() -> ((AbstractButton) find(session, "reconnect")).doClick());
        await("reconnected", () -> find(session, "remoteScreen") != null && screen.connections() == 2);
        JComponent again = onEdt(() -> find(session, "remoteScreen"));
        await("the HMI again", () -> shownAt(again, 1024, 640, 512, 320) == TestScreen.CENTER_COLOUR);

        run(() -> ((AbstractButton) find(session, "end")).doClick());
        await("end notice", session::showsEndNotice);
        assertThat(onEdt(() -> ((JTextComponent) find(session, "endText")).getText()))
                .isEqualTo("You ended the session.");
        await("screen connection closed", () -> screen.openConnections() == 0);
        screenshot(session, "session-ended-" + suffix(theme));
    }

    @Test
    void declinedRequest_isExplainedInWords() {
        RequestDialog dialog = signedInRequestDialogFor("m2");
        run(() -> dialog.fill("Colour register drifts", "", 15));
        run(dialog::submit);
        await("outcome", () -> dialog.shownCard().equals("outcome"));
        assertThat(label(dialog, "outcome")).isEqualTo("The operator at Linz declined the request.");
        screenshot(dialog, "declined-light");
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void wrongPassword_showsTheRelaysAnswerInWords_andTheFormStaysUsable(Theme theme) {
        open(theme, Locale.ENGLISH, true);
        await("login form", () -> find(frame, "signIn") != null);
        signIn("anna", "wrong");
        await("error shown", () -> !Swing.text(frame, "loginError").isEmpty());
        assertThat(onEdt(() -> Swing.text(frame, "loginError"))).isEqualTo("Username, password or code is wrong.");
        assertThat(onEdt(() -> find(frame, "signIn").isEnabled()).booleanValue())
                .isTrue();
        assertThat(onEdt(() -> (Object) find(frame, "sandboxBanner"))).isNotNull();
        screenshot(frame, "login-error-sandbox-" + suffix(theme));
    }

    @Test
    void lockedAccount_namesTheRetryTime_inGerman() {
        open(Theme.LIGHT, Locale.GERMAN, false);
        await("login form", () -> find(frame, "signIn") != null);
        signIn("locked", "whatever it is");
        await("error shown", () -> !Swing.text(frame, "loginError").isEmpty());
        assertThat(onEdt(() -> Swing.text(frame, "loginError")))
                .isEqualTo("Zu viele fehlgeschlagene Anmeldungen. Versuchen Sie es in 14 min erneut.");
        screenshot(frame, "login-locked-de");
    }

    @Test
    void technicianWithoutMachines_seesTheEntitlementExplanation() {
        open(Theme.LIGHT, Locale.ENGLISH, false);
        await("login form", () -> find(frame, "signIn") != null);
        signIn("nobody", "correct horse battery");
        await(
                "empty state",
                () -> frame.machines() != null && frame.machines().shownCard().equals("empty"));
        assertThat(onEdt(() -> ((JTextComponent) find(frame, "emptyStateText")).getText()))
                .contains("Machines of your regions and certified product lines appear here");
        screenshot(frame, "machines-empty-light");
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void teamLead_filtersHistory_readsTheTimeline_andReplaysTheRecording(Theme theme) throws Exception {
        Path recording = downloads.resolve("source.flrec");
        TestRecordings.write(recording, 5); // marker colour changes at 0, 2.5, 5, 7.5, 10 s
        relay.recording = Files.readAllBytes(recording);
        open(theme, Locale.ENGLISH, false);
        await("login form", () -> find(frame, "signIn") != null);
        signIn("lead", "correct horse battery");
        await(
                "history rows",
                () -> frame.history() != null && frame.history().table().getRowCount() == 3);
        assertThat((Object) onEdt(() -> frame.machines())).isNull();
        run(() -> frame.history().table().setRowSelectionInterval(0, 0));
        await("timeline", () -> find(frame, "timeline") instanceof JTable t && t.getRowCount() == 7);
        screenshot(frame, "history-" + suffix(theme));

        run(() -> ((AbstractButton) find(frame, "replay")).doClick());
        await(
                "replay downloaded",
                () -> window(ReplayDialog.class) != null
                        && window(ReplayDialog.class).shownCard().equals("player"));
        assertThat(Files.mismatch(downloads.resolve("h1.flrec"), recording)).isEqualTo(-1);
        ReplayDialog dialog = onEdt(() -> window(ReplayDialog.class));
        await("player", () -> onEdt(dialog::player) != null);
        ReplayPlayerPanel player = onEdt(dialog::player);
        JComponent view = onEdt(() -> find(dialog, "replayScreen"));
        int mx = TestRecordings.MARKER_X;
        int my = TestRecordings.MARKER_Y;
        await("first frame", () -> shownAt(view, 800, 500, mx, my) == TestRecordings.colour(0));
        assertThat(label(dialog, "replayTime")).isEqualTo("0:00 / 0:10");

        // Seek: the slider and the picture follow.
        run(() -> ((JSlider) find(dialog, "replaySlider")).setValue(5000));
        await("seeked to 0:05", () -> player.shownMillis() == 5000);
        await("frame at 0:05", () -> shownAt(view, 800, 500, mx, my) == TestRecordings.colour(2));
        assertThat(label(dialog, "replayTime")).isEqualTo("0:05 / 0:10");
        screenshot(dialog, "replay-" + suffix(theme));

        // Export the frame shown as PNG.
        Path png = downloads.resolve("frame-5s.png");
        run(() -> player.exportTo(png));
        await("exported", () -> label(dialog, "replayStatus").startsWith("Frame saved to"));
        assertThat(ImageIO.read(png.toFile()).getRGB(mx, my) & 0xFFFFFF).isEqualTo(TestRecordings.colour(2));

        // Play at 16x to the end: the picture shows the last step and the player stops by itself.
        run(() -> ((JComboBox<?>) find(dialog, "replaySpeed")).setSelectedIndex(4));
        run(() -> ((AbstractButton) find(dialog, "replayPlay")).doClick());
        await("played to the end", () -> player.shownMillis() == 10_000 && !player.isPlaying());
        await("last frame", () -> shownAt(view, 800, 500, mx, my) == TestRecordings.colour(4));
        assertThat(label(dialog, "replayPlay")).isEqualTo("Play");
    }

    /** Opens the light English console, signs in as anna and opens the request dialog for {@code machineId}. */
    private RequestDialog signedInRequestDialogFor(String machineId) {
        open(Theme.LIGHT, Locale.ENGLISH, false);
        await("login form", () -> find(frame, "signIn") != null);
        signIn("anna", "correct horse battery");
        await("machines", () -> find(frame, "machines") instanceof JTable t && t.getRowCount() == 6);
        run(() -> frame.machines().select(machineId));
        run(() -> ((AbstractButton) find(frame, "request")).doClick());
        await("request dialog", () -> window(RequestDialog.class) != null);
        return onEdt(() -> window(RequestDialog.class));
    }

    /** Signs in as anna, requests m1 and gets the operator's consent: returns the session window showing the HMI. */
    private SessionWindow sessionShowingTheScreen() {
        RequestDialog dialog = signedInRequestDialogFor("m1");
        run(() -> dialog.fill("Feeder stops with E42 after plate change", "CASE-1042", 30));
        run(dialog::submit);
        await("waiting view", () -> dialog.shownCard().equals("waiting"));
        relay.consent.countDown();
        await("session window", () -> window(SessionWindow.class) != null);
        SessionWindow session = onEdt(() -> window(SessionWindow.class));
        await("remote screen shown", () -> find(session, "remoteScreen") != null);
        JComponent view = onEdt(() -> find(session, "remoteScreen"));
        await("the HMI's pixels in the window", () -> shownAt(view, 1024, 640, 512, 320) == TestScreen.CENTER_COLOUR);
        assertThat(screen.openConnections()).isEqualTo(1);
        return session;
    }

    private static boolean anySessionWindowDisplayable() {
        for (Window w : Window.getWindows()) {
            if (w instanceof SessionWindow && w.isDisplayable()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void signOut_endsTheOpenSession_whileSignedIn_closesItsScreen_andItsWindow() {
        sessionShowingTheScreen();

        run(() -> ((AbstractButton) find(frame, "signOut")).doClick());

        await("login form again", () -> find(frame, "signIn") != null);
        await("no session window left", () -> !anySessionWindowDisplayable());
        await("screen connection closed", () -> screen.openConnections() == 0);
        await("session ended on the relay", () -> relay.calls.contains("POST sessions/s1/end"));
        await("signed out", () -> relay.calls.contains("POST auth/logout"));
        assertThat(relay.calls.indexOf("POST sessions/s1/end")).isLessThan(relay.calls.indexOf("POST auth/logout"));
    }

    @Test
    void closingTheSessionWindow_whenEndingFails_stillCloses_andSaysSo() {
        SessionWindow session = sessionShowingTheScreen();
        relay.endFailure = 503;

        run(() -> session.dispatchEvent(
                new java.awt.event.WindowEvent(session, java.awt.event.WindowEvent.WINDOW_CLOSING)));

        await("window closed", () -> !session.isDisplayable());
        await("screen connection closed", () -> screen.openConnections() == 0);
        await("the failure is shown", () -> {
            for (Window w : Window.getWindows()) {
                if ("closeEndFailed".equals(w.getName()) && w.isShowing()) {
                    return true;
                }
            }
            return false;
        });
        assertThat(relay.calls).contains("POST sessions/s1/end");
    }

    @Test
    void withdrawWhileSending_endsTheRequest_thatTheRelayCreatedMeanwhile() {
        relay.sessionReply = new java.util.concurrent.CountDownLatch(1);
        RequestDialog dialog = signedInRequestDialogFor("m1");
        run(() -> dialog.fill("Feeder stops with E42 after plate change", "CASE-1042", 30));
        run(dialog::submit);
        await("sending", () -> dialog.shownCard().equals("waiting") && relay.calls.contains("POST sessions"));

        run(() -> ((AbstractButton) find(dialog, "withdraw")).doClick());
        await("shown withdrawn", () -> dialog.shownCard().equals("outcome"));
        assertThat(relay.calls).doesNotContain("POST sessions/s1/end");

        relay.sessionReply.countDown(); // the relay had created s1 and asked the operator
        await("the created request is ended", () -> relay.calls.contains("POST sessions/s1/end"));
    }

    @Test
    void signIn_remembersTheSettings_offTheEdt() {
        java.util.concurrent.atomic.AtomicReference<Boolean> onEdt =
                new java.util.concurrent.atomic.AtomicReference<>();
        onSignIn = d -> onEdt.set(javax.swing.SwingUtilities.isEventDispatchThread());
        open(Theme.LIGHT, Locale.ENGLISH, false);
        await("login form", () -> find(frame, "signIn") != null);
        signIn("anna", "correct horse battery");
        await("settings remembered", () -> onEdt.get() != null);
        assertThat(onEdt.get()).isFalse();
    }

    private static List<String> liveThreads(String... names) {
        List<String> wanted = List.of(names);
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(wanted::contains)
                .toList();
    }

    private ReplayDialog replayOfH1() throws Exception {
        Path recording = downloads.resolve("source.flrec");
        TestRecordings.write(recording, 5);
        relay.recording = Files.readAllBytes(recording);
        open(Theme.LIGHT, Locale.ENGLISH, false);
        await("login form", () -> find(frame, "signIn") != null);
        signIn("lead", "correct horse battery");
        await(
                "history rows",
                () -> frame.history() != null && frame.history().table().getRowCount() == 3);
        run(() -> frame.history().table().setRowSelectionInterval(0, 0));
        await(
                "replay enabled",
                () -> find(frame, "replay") != null && find(frame, "replay").isEnabled());
        run(() -> ((AbstractButton) find(frame, "replay")).doClick());
        await(
                "replay downloaded",
                () -> window(ReplayDialog.class) != null
                        && window(ReplayDialog.class).shownCard().equals("player"));
        return onEdt(() -> window(ReplayDialog.class));
    }

    @Test
    void closingTheReplayWithTheWindowsX_stopsThePlayer_andItsThreads() throws Exception {
        ReplayDialog dialog = replayOfH1();
        await("player", () -> dialog.player() != null);
        run(() -> ((AbstractButton) find(dialog, "replayPlay")).doClick());
        await("playing", () -> dialog.player().isPlaying());
        assertThat(liveThreads("replay-player", "replay-decoder")).isNotEmpty();

        run(() -> dialog.dispatchEvent(
                new java.awt.event.WindowEvent(dialog, java.awt.event.WindowEvent.WINDOW_CLOSING)));

        await("disposed", () -> !dialog.isDisplayable());
        dev.fieldlink.testing.Poll.until(
                Duration.ofSeconds(10),
                "replay threads stopped",
                () -> liveThreads("replay-player", "replay-decoder").isEmpty());
    }

    @Test
    void openingTheSameReplayTwice_bringsTheOpenOneForward_insteadOfDownloadingAgain() throws Exception {
        ReplayDialog first = replayOfH1();

        run(() -> ((AbstractButton) find(frame, "replay")).doClick());

        long downloads = relay.calls.stream()
                .filter(c -> c.equals("GET history/sessions/h1/recording"))
                .count();
        assertThat(downloads).isEqualTo(1);
        long open = onEdt(() -> java.util.Arrays.stream(Window.getWindows())
                .filter(w -> w instanceof ReplayDialog && w.isDisplayable())
                .count());
        assertThat(open).isEqualTo(1);
        assertThat(onEdt(first::isDisplayable)).isTrue();
    }
}
