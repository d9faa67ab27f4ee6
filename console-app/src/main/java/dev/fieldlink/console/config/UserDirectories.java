package dev.fieldlink.console.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The per-user configuration directory: {@code $XDG_CONFIG_HOME/fieldlink} (default {@code ~/.config/fieldlink})
 * on Linux, {@code %APPDATA%\Fieldlink} on Windows, {@code ~/Library/Application Support/Fieldlink} on macOS.
 * {@code FIELDLINK_CONFIG_DIR} overrides all of them (tests, portable installs).
 */
public final class UserDirectories {
    private UserDirectories() {}

    /** The configuration directory for this user; not created here. */
    public static Path config() {
        return config(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path config(Map<String, String> env, String osName, String home) {
        String override = env.get("FIELDLINK_CONFIG_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank()
                    ? Path.of(appData, "Fieldlink")
                    : Path.of(home, "AppData", "Roaming", "Fieldlink");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Fieldlink");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "fieldlink") : Path.of(home, ".config", "fieldlink");
    }
}
