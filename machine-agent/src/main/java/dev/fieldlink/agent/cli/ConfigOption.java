package dev.fieldlink.agent.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option every command shares. */
final class ConfigOption {
    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            defaultValue = "agent.yaml",
            description = "The agent's configuration file (default: ${DEFAULT-VALUE}).")
    Path file;
}
