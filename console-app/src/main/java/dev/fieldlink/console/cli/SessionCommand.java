package dev.fieldlink.console.cli;

import dev.fieldlink.console.relay.CancelToken;
import dev.fieldlink.console.relay.RelayClient;
import dev.fieldlink.console.relay.RelayException;
import dev.fieldlink.console.relay.SessionEventStream;
import dev.fieldlink.console.screen.ScreenConnector;
import dev.fieldlink.protocol.api.SessionEvent;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.viewer.client.RfbClientConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "session",
        mixinStandardHelpOptions = true,
        description = "Request, inspect, end and look at a session.",
        subcommands = {
            SessionCommand.Request.class,
            SessionCommand.Status.class,
            SessionCommand.End.class,
            SessionCommand.Snapshot.class
        })
final class SessionCommand implements Runnable {
    @ParentCommand
    Fieldlink root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a session command");
    }

    static void print(PrintWriter out, SessionView s, Instant now, boolean json) {
        if (json) {
            Output.json(out, s);
            return;
        }
        StringBuilder line = new StringBuilder(s.id() + "  " + s.state());
        if (s.state() == SessionState.ACTIVE && s.expiresAt() != null) {
            long left = Math.max(0, Duration.between(now, s.expiresAt()).toSeconds());
            line.append(String.format("  %d:%02d left", left / 60, left % 60));
        }
        if (s.state() == SessionState.PENDING_CONSENT && s.consentDeadline() != null) {
            line.append("  waiting for the operator until ").append(s.consentDeadline());
        }
        if (s.endCause() != null) {
            line.append("  cause ").append(s.endCause());
        }
        out.println(line);
    }

    /** The session named, or the last one requested from this computer. */
    static String sessionId(CliProfile profile, String given) {
        String id = given != null ? given : profile.get("lastSession");
        if (id == null) {
            throw new IllegalArgumentException("No session given and none requested before: name a session id");
        }
        return id;
    }

    @Command(name = "request", mixinStandardHelpOptions = true, description = "Ask a machine's operator for a session.")
    static final class Request implements java.util.concurrent.Callable<Integer> {
        @ParentCommand
        SessionCommand parent;

        @Parameters(paramLabel = "MACHINE", description = "The machine id (see fieldlink machines).")
        String machine;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (the operator sees it).")
        String reason;

        @Option(names = "--case", paramLabel = "NUMBER", description = "Case number.")
        String caseNumber;

        @Option(names = "--minutes", defaultValue = "30", paramLabel = "N", description = "Minutes (default 30).")
        int minutes;

        @Option(names = "--wait", description = "Wait for the operator's answer; exit 1 unless allowed.")
        boolean await;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws InterruptedException {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("The reason must not be empty");
            }
            Fieldlink root = parent.root;
            CliProfile profile = root.profile();
            RelayClient client = profile.signedIn();
            SessionView session =
                    client.requestSession(new SessionRequest(machine, reason.strip(), caseNumber, minutes));
            profile.set("lastSession", session.id());
            if (await && session.state() == SessionState.PENDING_CONSENT) {
                session = waitForAnswer(client, session, root);
            }
            print(root.out(), session, root.clock.instant(), json);
            return !await || session.state() == SessionState.ACTIVE ? 0 : 1;
        }

        private static SessionView waitForAnswer(RelayClient client, SessionView session, Fieldlink root)
                throws InterruptedException {
            Semaphore answered = new Semaphore(0);
            SessionEventStream.Listener listener = new SessionEventStream.Listener() {
                @Override
                public void onEvent(SessionEvent event) {
                    if (SessionEvent.STATE.equals(event.kind()) && event.state() != SessionState.PENDING_CONSENT) {
                        answered.release();
                    }
                }

                @Override
                public void onConnection(boolean connected, RelayException cause) {
                    if (connected) {
                        answered.release(); // re-read below: the answer may have come before we listened
                    }
                }

                @Override
                public void onStopped(RelayException cause) {
                    answered.release();
                }
            };
            Instant deadline = session.consentDeadline() != null
                    ? session.consentDeadline().plusSeconds(15)
                    : root.clock.instant().plus(Duration.ofMinutes(3));
            try (SessionEventStream events = client.sessionEvents(session.id(), listener)) {
                SessionView current = session;
                while (current.state() == SessionState.PENDING_CONSENT
                        && root.clock.instant().isBefore(deadline)) {
                    answered.tryAcquire(2, TimeUnit.SECONDS);
                    current = client.session(session.id());
                    if (current.state() == SessionState.PENDING_CONSENT && events.isStopped()) {
                        break;
                    }
                }
                return current;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show a session (default: the last).")
    static final class Status implements Runnable {
        @ParentCommand
        SessionCommand parent;

        @Parameters(arity = "0..1", paramLabel = "ID")
        String id;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public void run() {
            CliProfile profile = parent.root.profile();
            SessionView s = profile.signedIn().session(sessionId(profile, id));
            print(parent.root.out(), s, parent.root.clock.instant(), json);
        }
    }

    @Command(name = "end", mixinStandardHelpOptions = true, description = "End a session or withdraw a request.")
    static final class End implements Runnable {
        @ParentCommand
        SessionCommand parent;

        @Parameters(arity = "0..1", paramLabel = "ID")
        String id;

        @Option(names = "--comment", paramLabel = "TEXT", description = "A note for the record.")
        String comment;

        @Override
        public void run() {
            CliProfile profile = parent.root.profile();
            RelayClient client = profile.signedIn();
            String sessionId = sessionId(profile, id);
            client.endSession(sessionId, comment);
            print(parent.root.out(), client.session(sessionId), parent.root.clock.instant(), false);
        }
    }

    @Command(
            name = "snapshot",
            mixinStandardHelpOptions = true,
            description = "Connect through the relay and write one frame of the machine's screen as PNG.")
    static final class Snapshot implements Runnable {
        @ParentCommand
        SessionCommand parent;

        @Parameters(paramLabel = "ID", description = "An active session of yours.")
        String id;

        @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
        Path out;

        @Option(
                names = "--timeout",
                defaultValue = "20s",
                paramLabel = "DURATION",
                description = "How long to wait for the first complete picture (default 20s).")
        String timeout;

        @Override
        public void run() {
            Duration wait = HistoryCommand.parseInterval(timeout);
            RelayClient client = parent.root.profile().signedIn();
            BufferedImage frame =
                    new ScreenConnector(client, RfbClientConfig.defaults(), wait).snapshot(id, wait, new CancelToken());
            Path file = out.toAbsolutePath();
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                if (!ImageIO.write(frame, "png", file.toFile())) {
                    throw new IllegalStateException("No PNG writer in this Java runtime");
                }
                parent.root
                        .out()
                        .printf("%s  %dx%d  %d bytes%n", out, frame.getWidth(), frame.getHeight(), Files.size(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write " + out + ": " + e.getMessage(), e);
            }
        }
    }
}
