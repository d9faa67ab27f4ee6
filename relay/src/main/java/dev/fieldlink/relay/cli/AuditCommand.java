package dev.fieldlink.relay.cli;

import dev.fieldlink.protocol.api.AuditVerifyResponse;
import dev.fieldlink.relay.RelayCore;
import dev.fieldlink.relay.audit.AuditExporter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audit verify} and {@code audit export}. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Check or export the audit log.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand {
    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Verify every stream's hash chain.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (RelayCore core = RelayCore.open(config.load(), Clock.systemUTC())) {
                AuditVerifyResponse r = core.admin("admin:cli").verifyAudit();
                PrintWriter out = spec.commandLine().getOut();
                for (AuditVerifyResponse.StreamResult s : r.streams()) {
                    out.println((s.intact() ? "intact  " : "BROKEN  ") + s.stream() + "  " + s.events() + " events"
                            + (s.intact()
                                    ? ""
                                    : "  first broken link at sequence " + s.firstBrokenSequence() + ": "
                                            + s.problem()));
                }
                out.println((r.intact() ? "audit log intact: " : "audit log BROKEN: ") + r.eventsChecked()
                        + " events checked");
                return r.intact() ? 0 : 1;
            }
        }
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write the audit log as JSON lines or CSV.")
    static final class Export implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--format", defaultValue = "jsonl", description = "jsonl or csv (default: ${DEFAULT-VALUE})")
        String format;

        @Option(
                names = {"-o", "--out"},
                paramLabel = "FILE",
                description = "write here instead of standard output")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            AuditExporter.Format f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "jsonl" -> AuditExporter.Format.JSONL;
                case "csv" -> AuditExporter.Format.CSV;
                default ->
                    throw new picocli.CommandLine.ParameterException(
                            spec.commandLine(), "--format must be jsonl or csv, not " + format);
            };
            try (RelayCore core = RelayCore.open(config.load(), Clock.systemUTC())) {
                long n;
                if (out == null) {
                    PrintWriter stdout = spec.commandLine().getOut();
                    n = core.admin("admin:cli").exportAudit(stdout, f);
                    stdout.flush();
                } else {
                    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out))) {
                        n = core.admin("admin:cli").exportAudit(o, f);
                    }
                    spec.commandLine().getOut().println(n + " events written to " + out);
                }
                return 0;
            }
        }
    }
}
