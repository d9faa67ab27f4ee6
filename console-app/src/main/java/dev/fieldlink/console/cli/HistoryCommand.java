package dev.fieldlink.console.cli;

import dev.fieldlink.console.relay.HistoryQuery;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.protocol.api.HistoryDetail;
import dev.fieldlink.protocol.api.HistoryEntry;
import dev.fieldlink.protocol.api.Page;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.session.SessionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Session history (team leads).",
        subcommands = {HistoryCommand.ListSessions.class, HistoryCommand.Show.class, HistoryCommand.Replay.class})
final class HistoryCommand implements Runnable {
    @ParentCommand
    Fieldlink root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a history command");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List sessions, newest first.")
    static final class ListSessions implements Runnable {
        @ParentCommand
        HistoryCommand parent;

        @Option(names = "--technician")
        String technician;

        @Option(names = "--machine")
        String machine;

        @Option(names = "--customer")
        String customer;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Created on or after this day (UTC).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Created on or before this day (UTC).")
        LocalDate to;

        @Option(names = "--outcome", paramLabel = "STATE", description = "One of: ${COMPLETION-CANDIDATES}.")
        SessionState outcome;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Option(names = "--offset", defaultValue = "0")
        int offset;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public void run() {
            HistoryQuery query = new HistoryQuery(
                    technician,
                    machine,
                    customer,
                    from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                    to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                    outcome);
            Page<HistoryEntry> page = parent.root.profile().signedIn().history(query, offset, limit);
            if (json) {
                Output.json(parent.root.out(), page);
                return;
            }
            List<List<Object>> rows = new ArrayList<>();
            for (HistoryEntry e : page.items()) {
                rows.add(Arrays.asList(
                        e.sessionId(),
                        e.createdAt(),
                        e.technicianName(),
                        e.machineName(),
                        e.customer(),
                        e.state() + (e.endCause() == null ? "" : " (" + e.endCause() + ")"),
                        e.reason()));
            }
            Output.table(
                    parent.root.out(),
                    List.of("ID", "CREATED", "TECHNICIAN", "MACHINE", "CUSTOMER", "OUTCOME", "REASON"),
                    rows);
            parent.root.out().printf("%d of %d%n", page.items().size(), page.total());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A session with its audit timeline.")
    static final class Show implements Runnable {
        @ParentCommand
        HistoryCommand parent;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public void run() {
            HistoryDetail detail = parent.root.profile().signedIn().historyDetail(id);
            if (json) {
                Output.json(parent.root.out(), detail);
                return;
            }
            HistoryEntry s = detail.session();
            parent.root
                    .out()
                    .printf(
                            "%s  %s  %s  %s%s%n  reason: %s  case: %s%n",
                            s.sessionId(),
                            s.machineName(),
                            s.technicianName(),
                            s.state(),
                            s.endCause() == null ? "" : " (" + s.endCause() + ")",
                            s.reason(),
                            s.caseNumber() == null ? "-" : s.caseNumber());
            List<List<Object>> rows = new ArrayList<>();
            for (AuditEvent e : detail.timeline()) {
                rows.add(Arrays.asList(
                        e.time(),
                        e.type(),
                        e.actor(),
                        e.details().entrySet().stream()
                                .map(d -> d.getKey() + "=" + d.getValue())
                                .collect(Collectors.joining(", "))));
            }
            Output.table(parent.root.out(), List.of("TIME", "EVENT", "BY", "DETAILS"), rows);
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = "Download a session's recording and write its frames as PNG files.")
    static final class Replay implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        HistoryCommand parent;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Option(
                names = "--every",
                defaultValue = "5s",
                paramLabel = "DURATION",
                description = "Frame interval, e.g. 5s, 1m.")
        String every;

        @Override
        public Integer call() {
            Duration interval = parseInterval(every);
            RelayClient client = parent.root.profile().signedIn();
            Path recording = out.resolve(id + ".flrec");
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create " + out + ": " + e.getMessage(), e);
            }
            long bytes = client.downloadRecording(id, recording, b -> {});
            parent.root.out().printf("Recording of %s: %d bytes in %s%n", id, bytes, recording);
            FrameExport.Result result = FrameExport.write(recording, out, interval, parent.root.clock);
            parent.root
                    .out()
                    .printf(
                            "%d frames written to %s (every %s of %s recorded)%n",
                            result.frames(), out, every.strip(), FrameExport.clock(result.duration()));
            if (result.error() != null) {
                parent.root.spec.commandLine().getErr().println("fieldlink: " + result.error());
                return 1;
            }
            return 0;
        }
    }

    static Duration parseInterval(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))), text);
            }
            if (t.endsWith("s")) {
                return positive(Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1))), text);
            }
            if (t.endsWith("m")) {
                return positive(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))), text);
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("Not an interval: " + text + " (write e.g. 500ms, 5s or 1m)");
    }

    private static Duration positive(Duration d, String text) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("The interval must be positive: " + text);
        }
        return d;
    }
}
