package dev.fieldlink.console.ui.main;

import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.SandboxMark;
import dev.fieldlink.console.ui.Theme;
import dev.fieldlink.console.ui.login.TraineeAccount;
import dev.fieldlink.sandbox.RunningSandbox;
import dev.fieldlink.sandbox.Sandbox;
import dev.fieldlink.sandbox.SandboxAccount;
import dev.fieldlink.sandbox.SandboxOptions;
import java.awt.AWTEvent;
import java.awt.BorderLayout;
import java.awt.Toolkit;
import java.awt.event.WindowEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import javax.swing.WindowConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code fieldlink-console --sandbox}: shows a start-up window while the sandbox (relay and simulated fleet) starts
 * on a worker thread, then opens the sign-in with the trainee accounts offered and the sandbox's relay address and
 * certificate fingerprint fixed. Closing the console's main window stops the sandbox and ends the process.
 */
public final class SandboxLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxLauncher.class);

    /** How long stopping the sandbox may wait for a step (closing the operator panels on the EDT) before moving on. */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    private SandboxLauncher() {}

    /**
     * Stops the sandbox without ever depending on the EDT: its operator panels close on the EDT, which is blocked when
     * {@code System.exit} was called there (the exit waits for the shutdown hooks). The stop runs on a thread of its
     * own; if it has not finished after {@code patience}, it is interrupted (the panels' close gives up, the agents
     * and the relay still stop) and waited for once more. Returns when the sandbox stopped or both waits are over.
     * Safe on any thread, and more than once.
     */
    public static void stop(AutoCloseable sandbox, Duration patience) {
        Thread stopping = new Thread(
                () -> {
                    try {
                        sandbox.close();
                    } catch (Exception e) {
                        LOG.warn("Stopping the sandbox: {}", e.toString());
                    }
                },
                "sandbox-stop");
        stopping.setDaemon(true);
        stopping.start();
        try {
            stopping.join(patience.toMillis());
            if (stopping.isAlive()) {
                LOG.warn("The sandbox did not stop within {}; interrupting the operator panels' close", patience);
                stopping.interrupt();
                stopping.join(patience.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What closing the console's main window does: stops the sandbox on a thread of its own (the EDT stays free for
     * the operator panels to close), then calls {@code exit}. Returns that thread at once.
     */
    static Thread stopThenExit(AutoCloseable sandbox, IntConsumer exit) {
        Thread exiting = new Thread(
                () -> {
                    stop(sandbox, PATIENCE);
                    exit.accept(0);
                },
                "sandbox-exit");
        exiting.start();
        return exiting;
    }

    /**
     * Returns at once; the EDT keeps the process alive.
     *
     * @param operatorMachine a machine whose real operator panel opens as well (the trainee plays the operator), or
     *     null
     */
    public static void open(Locale locale, Theme theme, String operatorMachine, Clock clock) {
        Messages messages = new Messages(locale);
        SwingUtilities.invokeLater(() -> {
            theme.apply();
            JFrame starting = startingWindow(messages);
            starting.setVisible(true);
            new SwingWorker<RunningSandbox, Void>() {
                @Override
                protected RunningSandbox doInBackground() {
                    RunningSandbox sandbox =
                            Sandbox.start(SandboxOptions.defaults().withClock(clock));
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(sandbox, PATIENCE), "sandbox-shutdown"));
                    printAccounts(sandbox);
                    return sandbox;
                }

                @Override
                protected void done() {
                    starting.dispose();
                    try {
                        RunningSandbox sandbox = get();
                        openConsole(sandbox, locale, theme, operatorMachine, clock, messages);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (java.util.concurrent.ExecutionException e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        LOG.error("The sandbox did not start", cause);
                        JOptionPane.showMessageDialog(
                                null,
                                messages.get("sandbox.startFailed", String.valueOf(cause.getMessage())),
                                messages.get("sandbox.titlePrefix"),
                                JOptionPane.ERROR_MESSAGE);
                        System.exit(1);
                    }
                }
            }.execute();
        });
    }

    /** Prints the relay and the throw-away accounts for trainees who sign in from elsewhere (e.g. the CLI). */
    private static void printAccounts(RunningSandbox sandbox) {
        StringBuilder text = new StringBuilder();
        text.append("Fieldlink sandbox: relay ")
                .append(sandbox.relayAddress())
                .append(", TLS ")
                .append(sandbox.tlsFingerprint())
                .append('\n');
        for (SandboxAccount a : sandbox.accounts()) {
            text.append(String.format(
                    "  %-14s %-11s password %-22s TOTP secret %s%n",
                    a.username(), a.role(), a.password(), a.totpSecret()));
        }
        System.out.print(text);
        System.out.flush();
    }

    /** The sandbox's accounts as the sign-in offers them: "Anna Berger – technician (DACH)". */
    public static List<TraineeAccount> trainees(RunningSandbox sandbox, Messages messages) {
        return sandbox.accounts().stream()
                .map(a -> new TraineeAccount(label(a, messages), a.username(), a.password(), a.totpSecret()))
                .toList();
    }

    private static String label(SandboxAccount a, Messages messages) {
        String roleKey = "role." + a.role().toUpperCase(Locale.ROOT);
        String role = messages.has(roleKey) ? messages.get(roleKey) : a.role();
        String regions = a.regions().isEmpty() ? "" : " (" + String.join(", ", a.regions()) + ")";
        return a.displayName() + " \u2013 " + role + regions;
    }

    private static void openConsole(
            RunningSandbox sandbox,
            Locale locale,
            Theme theme,
            String operatorMachine,
            Clock clock,
            Messages messages) {
        ConsoleLauncher.Options options = new ConsoleLauncher.Options(
                locale,
                theme,
                true,
                sandbox.relayAddress(),
                sandbox.tlsFingerprint(),
                null,
                trainees(sandbox, messages),
                null);
        // The sandbox's threads keep the JVM alive: closing the main window stops the sandbox and ends the process.
        // Never System.exit on the EDT: the shutdown hook would then wait for the operator panels to close on it.
        Toolkit.getDefaultToolkit()
                .addAWTEventListener(
                        e -> {
                            if (e.getID() == WindowEvent.WINDOW_CLOSED && e.getSource() instanceof MainFrame) {
                                stopThenExit(sandbox, System::exit);
                            }
                        },
                        AWTEvent.WINDOW_EVENT_MASK);
        ConsoleLauncher.open(options, clock);
        if (operatorMachine != null) {
            try {
                sandbox.openOperatorPanel(operatorMachine);
            } catch (RuntimeException e) {
                JOptionPane.showMessageDialog(
                        null,
                        messages.get("sandbox.operatorFailed", operatorMachine, String.valueOf(e.getMessage())),
                        messages.get("sandbox.titlePrefix"),
                        JOptionPane.WARNING_MESSAGE);
            }
        }
    }

    private static JFrame startingWindow(Messages messages) {
        SandboxMark mark = new SandboxMark(true, messages);
        JFrame frame = new JFrame(mark.title(messages.get("sandbox.startingTitle")));
        frame.setName("sandboxStarting");
        frame.setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
        JPanel body = new JPanel(new BorderLayout(0, 12));
        body.setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
        body.add(new JLabel(messages.get("sandbox.starting")), BorderLayout.NORTH);
        JProgressBar progress = new JProgressBar();
        progress.setIndeterminate(true);
        body.add(progress, BorderLayout.CENTER);
        frame.setContentPane(mark.wrap(body));
        frame.pack();
        frame.setLocationRelativeTo(null);
        return frame;
    }
}
