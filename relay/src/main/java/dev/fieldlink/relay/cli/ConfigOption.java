package dev.fieldlink.relay.cli;

import dev.fieldlink.relay.config.RelaySettings;
import dev.fieldlink.relay.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command. */
final class ConfigOption {
    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "relay.yaml; every setting has a default, FIELDLINK_* variables override the file")
    Path config;

    RelaySettings load() {
        if (config != null && !Files.isRegularFile(config)) {
            throw new IllegalArgumentException("the config file " + config + " does not exist");
        }
        return SettingsLoader.load(config, RelayCli.environment);
    }
}
