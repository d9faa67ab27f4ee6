package dev.fieldlink.console;

import dev.fieldlink.protocol.BuildVersion;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --version} of {@code fieldlink-console} and {@code fieldlink}: the command's name and the build version. */
public final class ConsoleVersion implements CommandLine.IVersionProvider {
    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public String[] getVersion() {
        return new String[] {spec.name() + " " + BuildVersion.of(ConsoleVersion.class)};
    }
}
