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
import dev.fieldlink.console.ui.history.ReplayDialog;
import dev.fieldlink.console.ui.main.ConsoleContext;
import dev.fieldlink.console.ui.main.MainFrame;
import dev.fieldlink.console.ui.session.RemoteScreenArea;
import dev.fieldlink.console.ui.session.RequestDialog;
import dev.fieldlink.console.ui.session.SessionWindow;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javax.swing.AbstractButton;
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

    @BeforeEach
    void start() throws Exception {
        relay = new ScriptedRelay();
    }

    @AfterEach
    void stop() {
        run(() -> {
            for (Window w : Window.getWindows()) {
                w.dispose();
            }
        });
        relay.close();
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
                d -> {},
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
        await("reason required", () -> Swing.text(dialog, "requestError").contains("reason"));
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
        screenshot(session, "session-" + suffix(theme));

        run(() -> ((AbstractButton) find(session, "end")).doClick());
        await("end notice", session::showsEndNotice);
        assertThat(onEdt(() -> ((JTextComponent) find(session, "endText")).getText()))
                .isEqualTo("You ended the session.");
        screenshot(session, "session-ended-" + suffix(theme));
    }

    @Test
    void declinedRequest_isExplainedInWords() {
        open(Theme.LIGHT, Locale.ENGLISH, false);
        await("login form", () -> find(frame, "signIn") != null);
        signIn("anna", "correct horse battery");
        await("machines", () -> find(frame, "machines") instanceof JTable t && t.getRowCount() == 6);
        run(() -> frame.machines().select("m2"));
        run(() -> ((AbstractButton) find(frame, "request")).doClick());
        await("request dialog", () -> window(RequestDialog.class) != null);
        RequestDialog dialog = onEdt(() -> window(RequestDialog.class));
        run(() -> dialog.fill("Colour register drifts", "", 15));
        run(dialog::submit);
        await("outcome", () -> dialog.shownCard().equals("outcome"));
        assertThat(onEdt(() -> Swing.text(dialog, "outcome"))).isEqualTo("The operator at Linz declined the request.");
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
    void teamLead_filtersHistory_readsTheTimeline_andDownloadsTheRecording(Theme theme) throws Exception {
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
        assertThat(Files.size(downloads.resolve("h1.flrec"))).isEqualTo(300_000);
        screenshot(onEdt(() -> window(ReplayDialog.class)), "replay-" + suffix(theme));
    }
}
