package dev.fieldlink.console.config;

import dev.fieldlink.auth.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The console's remembered settings ({@code console.properties} in the user's configuration directory): relay
 * address, pinned certificate fingerprint, last username, theme and language. No secret is ever stored here.
 *
 * @param pin the pinned {@code SHA256:} fingerprint, or empty for the system trust store
 * @param theme {@code light} or {@code dark}
 * @param language {@code en} or {@code de}, or empty for the system's language
 */
public record ConsoleSettings(String relay, String pin, String username, String theme, String language) {
    public static final String FILE_NAME = "console.properties";
    public static final ConsoleSettings DEFAULTS = new ConsoleSettings("", "", "", "light", "");

    /** Reads the settings; a missing or unreadable file gives the defaults. */
    public static ConsoleSettings load(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return DEFAULTS;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return DEFAULTS;
        }
        return new ConsoleSettings(
                p.getProperty("relay", DEFAULTS.relay()),
                p.getProperty("pin", DEFAULTS.pin()),
                p.getProperty("username", DEFAULTS.username()),
                p.getProperty("theme", DEFAULTS.theme()),
                p.getProperty("language", DEFAULTS.language()));
    }

    /** Writes the settings (owner-only file, replaced atomically). */
    public void save(Path directory) throws IOException {
        Properties p = new Properties();
        p.setProperty("relay", relay);
        p.setProperty("pin", pin);
        p.setProperty("username", username);
        p.setProperty("theme", theme);
        p.setProperty("language", language);
        StringWriter text = new StringWriter();
        p.store(text, "Fieldlink console settings");
        Files.createDirectories(directory);
        PrivateFiles.writeAtomically(
                directory.resolve(FILE_NAME), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public ConsoleSettings withSignIn(String newRelay, String newPin, String newUsername) {
        return new ConsoleSettings(newRelay, newPin, newUsername, theme, language);
    }

    public ConsoleSettings withTheme(String newTheme) {
        return new ConsoleSettings(relay, pin, username, newTheme, language);
    }
}
