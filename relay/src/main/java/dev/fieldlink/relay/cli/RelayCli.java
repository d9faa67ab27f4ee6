package dev.fieldlink.relay.cli;

import dev.fieldlink.protocol.problem.FieldlinkException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fieldlink-relay}: exit code 0 when done, 1 when it failed (the message says why, no stack trace), 2 for
 * usage errors.
 */
@Command(
        name = "fieldlink-relay",
        mixinStandardHelpOptions = true,
        versionProvider = RelayCli.Version.class,
        description = "The Fieldlink relay: HTTPS API, SSH endpoint, session broker.",
        subcommands = {ServeCommand.class, AdminCommand.class, AuditCommand.class})
public final class RelayCli {
    /** Environment the commands read ({@code FIELDLINK_*}); tests pass their own. */
    static Map<String, String> environment = System.getenv();

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs a command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        environment = env;
        CommandLine cl = new CommandLine(new RelayCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + message(e));
            return 1;
        });
        return cl.execute(args);
    }

    static String message(Throwable e) {
        if (e instanceof FieldlinkException f) {
            return f.getMessage();
        }
        String m = e.getMessage();
        return m == null || m.isBlank()
                ? e.getClass().getSimpleName()
                : m.lines().findFirst().orElse(m);
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fieldlink-relay " + dev.fieldlink.relay.Relay.version()};
        }
    }
}
