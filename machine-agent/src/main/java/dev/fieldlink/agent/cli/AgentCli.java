package dev.fieldlink.agent.cli;

import dev.fieldlink.protocol.problem.FieldlinkException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fieldlink-agent}. Exit codes: 0 ok, 1 failure, 2 usage. Failures print one line naming what went wrong,
 * never a stack trace.
 */
@Command(
        name = "fieldlink-agent",
        mixinStandardHelpOptions = true,
        versionProvider = AgentVersion.class,
        description = "The Fieldlink service agent on a machine's HMI PC.",
        subcommands = {
            RunCommand.class,
            EnrollCommand.class,
            AuditCommand.class,
            StatusCommand.class,
            AdminPinCommand.class,
            CommandLine.HelpCommand.class
        })
public final class AgentCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: run, enroll, audit, status or admin-pin");
    }

    /** The configured command line, with the failure handler that maps exceptions to exit code 1. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AgentCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof FieldlinkException
                    || e instanceof IllegalArgumentException
                    || e instanceof IllegalStateException
                    || e instanceof UncheckedIOException) {
                err.println("fieldlink-agent: " + e.getMessage());
            } else {
                err.println("fieldlink-agent: unexpected failure: " + e);
            }
            err.flush();
            return 1;
        });
        return cli;
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/fieldlink/agent/logback-agent.xml");
        }
        System.exit(commandLine().execute(args));
    }
}
