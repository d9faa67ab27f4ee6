package dev.fieldlink.console.ui.main;

import dev.fieldlink.auth.client.InMemoryTokenStore;
import dev.fieldlink.console.config.ConsoleSettings;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.ui.Messages;
import dev.fieldlink.console.ui.SandboxMark;
import dev.fieldlink.console.ui.Theme;
import dev.fieldlink.console.ui.UiTasks;
import dev.fieldlink.console.ui.login.TraineeAccount;
import dev.fieldlink.console.ui.session.RemoteScreenArea;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the console's windows the way {@code main} wants them: FlatLaf first, then the main frame on the EDT.
 * The GUI's tokens live only in memory (signing out or quitting forgets them).
 */
public final class ConsoleLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleLauncher.class);

    /** How the console starts. */
    public record Options(
            Locale locale,
            Theme theme,
            boolean sandbox,
            String relay,
            String pin,
            String username,
            List<TraineeAccount> trainees,
            Path configDirectory) {}

    private ConsoleLauncher() {}

    /** The context for {@code options}; the settings file is updated after each sign-in (outside the sandbox). */
    public static ConsoleContext context(Options options, Clock clock) {
        Messages messages = new Messages(options.locale());
        Path downloads;
        try {
            downloads = Files.createTempDirectory("fieldlink-recordings");
            downloads.toFile().deleteOnExit();
        } catch (IOException e) {
            downloads = Path.of(System.getProperty("java.io.tmpdir"));
        }
        ConsoleContext.LoginDefaults defaults = new ConsoleContext.LoginDefaults(
                options.relay(), options.pin(), options.username(), options.trainees(), options.sandbox());
        return new ConsoleContext(
                messages,
                UiTasks.swing(),
                clock,
                new SandboxMark(options.sandbox(), messages),
                defaults,
                downloads,
                (address, tls) -> new RelayClient(address, tls, new InMemoryTokenStore()),
                RemoteScreenArea.factory(Duration.ofSeconds(20)),
                signedIn -> {
                    if (options.sandbox() || options.configDirectory() == null) {
                        return;
                    }
                    try {
                        ConsoleSettings.load(options.configDirectory())
                                .withSignIn(signedIn.relay(), signedIn.pin(), signedIn.username())
                                .withTheme(Theme.current().name().toLowerCase(Locale.ROOT))
                                .save(options.configDirectory());
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("Could not save the console settings: {}", e.toString());
                    }
                },
                Duration.ofSeconds(10),
                clock);
    }

    /** Installs the theme and opens the main window; returns at once (the EDT keeps the JVM alive). */
    public static void open(Options options, Clock clock) {
        SwingUtilities.invokeLater(() -> {
            options.theme().apply();
            MainFrame frame = new MainFrame(context(options, clock));
            frame.setVisible(true);
        });
    }
}
