package dev.fieldlink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.testing.Poll;
import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** A trainee plays the operator of one machine with the agent's real panel (runs on its own Xvfb display). */
class SandboxOperatorPanelTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String MACHINE = "dc-de-0417";

    @Test
    void openedPanel_answersInsteadOfTheSimulatedOperator_andEveryWindowIsMarkedSandbox() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (runs on Xvfb in the panel-test execution)");
        Locale.setDefault(Locale.ENGLISH);
        try (RunningSandbox sandbox = Sandbox.start(SandboxOptions.defaults().withConsentDelay(Duration.ZERO))) {
            RelayApi api = new RelayApi(sandbox);
            String anna = api.login("anna.dach");

            sandbox.openOperatorPanel(MACHINE);
            sandbox.openOperatorPanel(MACHINE); // a second call does nothing

            assertThat(sandbox.isOperatorPanelOpen(MACHINE)).isTrue();
            Poll.until(WAIT, "panel windows shown", () -> !visibleFrames().isEmpty());
            assertThat(visibleFrames()).allSatisfy(t -> assertThat(t).startsWith("[SANDBOX] "));

            RelayApi.Answer created = api.post(
                    "/api/v1/sessions", new SessionRequest(MACHINE, "Vacuum alarm E-214", "TRAIN-7", 15), anna);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = api.as(created, SessionView.class).id();
            Poll.until(WAIT, "consent window", () -> consentWindow().isPresent());
            Frame consent = consentWindow().orElseThrow();
            assertThat(consent.getTitle()).isEqualTo("[SANDBOX] Remote service request");
            assertThat(state(api, anna, id))
                    .as("the simulated operator (no delay) would have answered at once; the panel waits")
                    .isEqualTo(SessionState.PENDING_CONSENT);
            screenshot(consent, "sandbox-consent.png");

            SwingUtilities.invokeAndWait(() -> button(consent, "Decline").doClick());

            Poll.until(WAIT, "declined at the panel", () -> state(api, anna, id) == SessionState.DECLINED);
        }
        Poll.until(WAIT, "windows disposed on close", () -> visibleFrames().isEmpty());
    }

    private static SessionState state(RelayApi api, String token, String id) {
        return api.as(api.get("/api/v1/sessions/" + id, token), SessionView.class)
                .state();
    }

    private static List<String> visibleFrames() {
        return onEdt(() -> Arrays.stream(Frame.getFrames())
                .filter(Frame::isVisible)
                .map(Frame::getTitle)
                .toList());
    }

    private static Optional<Frame> consentWindow() {
        return onEdt(() -> Arrays.stream(Frame.getFrames())
                .filter(Frame::isVisible)
                .filter(f -> f.getTitle().endsWith("Remote service request"))
                .findFirst());
    }

    private static AbstractButton button(Container root, String text) {
        for (Component c : root.getComponents()) {
            if (c instanceof AbstractButton b && text.equals(b.getText())) {
                return b;
            }
            if (c instanceof Container inner) {
                AbstractButton found = findOrNull(inner, text);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new AssertionError("no button '" + text + "'");
    }

    private static AbstractButton findOrNull(Container root, String text) {
        try {
            return button(root, text);
        } catch (AssertionError e) {
            return null;
        }
    }

    /** Evidence a person can look at: target/screenshots/NAME. */
    private static void screenshot(Frame frame, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        java.awt.Rectangle bounds = onEdt(frame::getBounds);
        BufferedImage image = new Robot().createScreenCapture(bounds);
        ImageIO.write(image, "png", dir.resolve(name).toFile());
    }

    private static <T> T onEdt(java.util.function.Supplier<T> s) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> result.set(s.get()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return result.get();
    }
}
