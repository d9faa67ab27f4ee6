package dev.fieldlink.console.cli;

import dev.fieldlink.auth.PrivateFiles;
import dev.fieldlink.auth.client.FileTokenStore;
import dev.fieldlink.console.relay.CertificateFingerprint;
import dev.fieldlink.console.relay.RelayAddress;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.relay.RelayTls;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the CLI remembers between runs, in {@code <config>/cli/}: {@code cli.properties} (relay, pinned
 * fingerprint, username, last session id; no secrets) and {@code tokens.json} (0600, via {@link FileTokenStore}).
 */
final class CliProfile {
    private final Path directory;
    private final Properties values = new Properties();

    CliProfile(Path configDirectory) {
        this.directory = configDirectory.resolve("cli");
        Path file = directory.resolve("cli.properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                values.clear();
            }
        }
    }

    String get(String key) {
        String value = values.getProperty(key);
        return value == null || value.isBlank() ? null : value;
    }

    void set(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        try {
            StringWriter text = new StringWriter();
            values.store(text, "fieldlink command line");
            Files.createDirectories(directory);
            PrivateFiles.writeAtomically(
                    directory.resolve("cli.properties"), text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + directory.resolve("cli.properties"), e);
        }
    }

    FileTokenStore tokens() {
        return new FileTokenStore(directory);
    }

    /** A client for the remembered relay (or the given overrides). */
    RelayClient client(String relayOverride, String pinOverride) {
        String relay = relayOverride != null ? relayOverride : get("relay");
        if (relay == null) {
            throw new IllegalArgumentException("No relay known: sign in first with fieldlink login --relay HOST");
        }
        String pin = pinOverride != null ? pinOverride : get("pin");
        RelayTls tls = pin == null ? RelayTls.system() : RelayTls.pinned(CertificateFingerprint.parse(pin));
        return new RelayClient(RelayAddress.parse(relay), tls, tokens());
    }

    /** A client that must already hold tokens. */
    RelayClient signedIn() {
        RelayClient client = client(null, null);
        if (!client.hasTokens()) {
            throw new IllegalArgumentException("Not signed in: run fieldlink login first");
        }
        return client;
    }
}
