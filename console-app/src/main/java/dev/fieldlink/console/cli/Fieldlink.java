package dev.fieldlink.console.cli;

import dev.fieldlink.console.ConsoleVersion;
import dev.fieldlink.console.config.UserDirectories;
import dev.fieldlink.protocol.problem.FieldlinkException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fieldlink} command line. */
@Command(
        name = "fieldlink",
        mixinStandardHelpOptions = true,
        versionProvider = ConsoleVersion.class,
        description = "Fieldlink remote service from the command line.",
        subcommands = {
            LoginCommand.class,
            LogoutCommand.class,
            MachinesCommand.class,
            SessionCommand.class,
            HistoryCommand.class,
            SandboxCommand.class
        })
public final class Fieldlink implements Runnable {
    final Path configDirectory;
    final InputStream stdin;
    final Clock clock;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * @param configDirectory where the CLI keeps its profile and tokens
     */
    public Fieldlink(Path configDirectory, InputStream stdin, Clock clock) {
        this.configDirectory = configDirectory;
        this.stdin = stdin;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Fieldlink(UserDirectories.config(), System.in, Clock.systemUTC()))
                .execute(args));
    }

    /** The command line with Fieldlink's error handling: one line on stderr, exit 1; usage errors exit 2. */
    public static CommandLine commandLine(Fieldlink root) {
        CommandLine cli = new CommandLine(root);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("fieldlink: " + oneLine(e));
            return 1;
        });
        return cli;
    }

    static String oneLine(Exception e) {
        String message = e instanceof FieldlinkException
                        || e instanceof IllegalArgumentException
                        || e instanceof IllegalStateException
                        || e instanceof java.io.UncheckedIOException
                ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replace('\n', ' ');
    }

    CliProfile profile() {
        return new CliProfile(configDirectory);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command (see fieldlink --help)");
    }

    static String readLine(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(4096);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return (newline >= 0 ? text.substring(0, newline) : text).replace("\r", "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not read standard input", e);
        }
    }
}
