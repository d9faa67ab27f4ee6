package dev.fieldlink.relay.cli;

import dev.fieldlink.relay.admin.RelayAdmin;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every {@code admin} subcommand has: {@code --config}, its own output, and the relay's administration. */
abstract class AdminAction implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    /** Runs {@code work} with administration on the configured database (see {@link AdminCommand#withAdmin}). */
    <T> T admin(Function<RelayAdmin, T> work) {
        return AdminCommand.withAdmin(config, work);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints {@code line} and answers exit code 0. */
    int done(String line) {
        out().println(line);
        return 0;
    }

    /** A subcommand about one account. */
    abstract static class OnUser extends AdminAction {
        @Option(names = "--username", required = true)
        String username;
    }

    /** A subcommand about one machine. */
    abstract static class OnMachine extends AdminAction {
        @Option(names = "--id", required = true, description = "the machine id: lower-case letters, digits, '-'")
        String id;
    }
}
