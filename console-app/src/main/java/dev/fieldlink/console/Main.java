package dev.fieldlink.console;

import dev.fieldlink.console.config.ConsoleSettings;
import dev.fieldlink.console.config.UserDirectories;
import dev.fieldlink.console.ui.Theme;
import dev.fieldlink.console.ui.main.ConsoleLauncher;
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
 * The {@code fieldlink-console} entry point: the technician console's window. {@code --sandbox} will start the
 * training sandbox in this process; until the sandbox module lands it describes what it will start.
 */
@Command(
        name = "fieldlink-console",
        mixinStandardHelpOptions = true,
        version = "fieldlink-console 0.1.0",
        description = "The Fieldlink technician console.")
public final class Main implements Callable<Integer> {
    /** Exit code meaning "the window is open; do not exit". */
    static final int WINDOW_OPEN = -1;

    @Option(names = "--sandbox", description = "Start a simulated fleet in this process and sign in to it.")
    boolean sandbox;

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
        if (sandbox) {
            System.out.println("""
                    Fieldlink sandbox (planned): a relay on loopback with an in-memory database and throw-away keys,
                    a simulated fleet of 12 machines in 3 regions and 3 product lines, and trainee accounts
                    (technicians, a team lead, a trainer) with their passwords and TOTP secrets printed here.
                    The console then opens its login window with these accounts offered.""");
            return 0;
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("fieldlink-console: no display available; the console needs a graphical desktop"
                    + " (use the fieldlink command line instead)");
            return 1;
        }
        Path config = UserDirectories.config();
        ConsoleSettings settings = ConsoleSettings.load(config);
        ConsoleLauncher.open(
                new ConsoleLauncher.Options(
                        locale(settings),
                        "dark".equalsIgnoreCase(theme != null ? theme : settings.theme()) ? Theme.DARK : Theme.LIGHT,
                        false,
                        relay != null ? relay : settings.relay(),
                        pin != null ? pin : settings.pin(),
                        settings.username(),
                        List.of(),
                        config),
                Clock.systemDefaultZone());
        return WINDOW_OPEN;
    }

    private Locale locale(ConsoleSettings settings) {
        String lang = language != null ? language : settings.language();
        if (lang == null || lang.isBlank()) {
            return Locale.getDefault().getLanguage().equals("de") ? Locale.GERMAN : Locale.ENGLISH;
        }
        return lang.equalsIgnoreCase("de") ? Locale.GERMAN : Locale.ENGLISH;
    }
}
