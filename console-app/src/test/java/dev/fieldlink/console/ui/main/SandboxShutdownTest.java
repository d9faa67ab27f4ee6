package dev.fieldlink.console.ui.main;

import static dev.fieldlink.console.ui.Swing.await;
import static dev.fieldlink.console.ui.Swing.onEdt;
import static dev.fieldlink.console.ui.Swing.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.sandbox.RunningSandbox;
import dev.fieldlink.sandbox.Sandbox;
import dev.fieldlink.sandbox.SandboxMachine;
import dev.fieldlink.sandbox.SandboxOptions;
import java.awt.Window;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --sandbox --operator}: stopping the sandbox closes operator panels on the EDT, so the stop must never wait
 * for an EDT that is itself waiting (as it does when {@code System.exit} runs there and waits for the hooks).
 */
class SandboxShutdownTest {
    private RunningSandbox sandbox;
    private int httpsPort;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        httpsPort = sandbox.httpsPort();
        for (SandboxMachine m : sandbox.machines()) {
            try {
                sandbox.openOperatorPanel(m.id());
                return;
            } catch (IllegalArgumentException offline) {
                // the offline machine has no panel: take the next
            }
        }
        throw new IllegalStateException("no machine with an operator panel");
    }

    @AfterEach
    void stop() {
        sandbox.close();
        run(() -> {
            for (Window w : Window.getWindows()) {
                w.dispose();
            }
        });
    }

    private static long operatorWindows() {
        return onEdt(() -> java.util.Arrays.stream(Window.getWindows())
                .filter(Window::isShowing)
                .count());
    }

    private boolean relayAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", httpsPort), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void shutdownPath_whileTheEdtWaitsForIt_finishes_andStopsTheRelay() throws Exception {
        assertThat(operatorWindows()).isPositive();
        assertThat(relayAnswers()).isTrue();
        Thread hook = new Thread(() -> SandboxLauncher.stop(sandbox, SandboxLauncher.PATIENCE), "test-hook");

        // As System.exit on the EDT does: the EDT waits for the shutdown hook.
        boolean finished = onEdt(() -> {
            hook.start();
            hook.join(10_000);
            return !hook.isAlive();
        });

        assertThat(finished).as("shutdown finished while the EDT waited").isTrue();
        assertThat(relayAnswers()).as("relay stopped").isFalse();
    }

    @Test
    void closingTheMainWindow_stopsTheSandboxOffTheEdt_closesThePanels_thenExits() {
        AtomicInteger exitCode = new AtomicInteger(-1);

        Thread exiting = onEdt(() -> SandboxLauncher.stopThenExit(sandbox, exitCode::set));

        assertThat(exiting.getName()).isEqualTo("sandbox-exit");
        await("exited", () -> exitCode.get() == 0);
        assertThat(operatorWindows()).as("operator panels closed").isZero();
        assertThat(relayAnswers()).as("relay stopped").isFalse();
    }
}
