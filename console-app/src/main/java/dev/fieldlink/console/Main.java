package dev.fieldlink.console;

import dev.fieldlink.console.config.ConsoleSettings;
import dev.fieldlink.console.config.UserDirectories;
import dev.fieldlink.console.ui.Theme;
import dev.fieldlink.console.ui.main.ConsoleLauncher;
import dev.fieldlink.console.ui.main.SandboxLauncher;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code fieldlink-console} entry point: the technician console's window. {@code --sandbox} starts the training
 * sandbox (a relay on loopback and a simulated fleet) in this process and signs in to it.
 */
@Command(
        name = "fieldlink-console",
        mixinStandardHelpOptions = true,
        versionProvider = ConsoleVersion.class,
        description = "The Fieldlink technician console.")
public final class Main implements Callable<Integer> {
    /** Exit code meaning "the window is open; do not exit". */
    static final int WINDOW_OPEN = -1;

    @Option(names = "--sandbox", description = "Start a simulated fleet in this process and sign in to it.")
    boolean sandbox;

    @Option(
            names = "--operator",
            paramLabel = "MACHINE",
            description = "With --sandbox: also open the real operator panel of this machine (play the operator).")
    String operator;

    @Option(names = "--relay", paramLabel = "HOST[:PORT]", description = "Relay address (default: the last one used).")
    String relay;

    @Option(
            names = "--pin",
            paramLabel = "SHA256:...",
            description = "Pinned fingerprint of the relay's TLS certificate (default: the system trust store).")
    String pin;

    @Option(names = "--theme", paramLabel = "light|dark", description = "Colour theme (default: the last one used).")
    String theme;

    @Option(names = "--lang", paramLabel = "en|de", description = "Language (default: the system's).")
    String language;

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != WINDOW_OPEN) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("fieldlink-console: no display available; the console needs a graphical desktop"
                    + " (use the fieldlink command line instead; 'fieldlink sandbox' runs the sandbox headless)");
            return 1;
        }
        if (operator != null && !sandbox) {
            System.err.println("fieldlink-console: --operator works only with --sandbox");
            return 2;
        }
        Path config = UserDirectories.config();
        ConsoleSettings settings = ConsoleSettings.load(config);
        if (sandbox) {
            SandboxLauncher.open(locale(settings), theme(settings), operator, Clock.systemDefaultZone());
            return WINDOW_OPEN;
        }
        ConsoleLauncher.open(
                new ConsoleLauncher.Options(
                        locale(settings),
                        theme(settings),
                        false,
                        relay != null ? relay : settings.relay(),
                        pin != null ? pin : settings.pin(),
                        settings.username(),
                        List.of(),
                        config),
                Clock.systemDefaultZone());
        return WINDOW_OPEN;
    }

    private Theme theme(ConsoleSettings settings) {
        return "dark".equalsIgnoreCase(theme != null ? theme : settings.theme()) ? Theme.DARK : Theme.LIGHT;
    }

    private Locale locale(ConsoleSettings settings) {
        String lang = language != null ? language : settings.language();
        if (lang == null || lang.isBlank()) {
            return Locale.getDefault().getLanguage().equals("de") ? Locale.GERMAN : Locale.ENGLISH;
        }
        return lang.equalsIgnoreCase("de") ? Locale.GERMAN : Locale.ENGLISH;
    }
}
