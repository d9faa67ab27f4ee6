package dev.fieldlink.sandbox;

import dev.fieldlink.relay.Relay;
import dev.fieldlink.relay.RunningRelay;
import dev.fieldlink.relay.admin.NewMachine;
import dev.fieldlink.relay.admin.RelayAdmin;
import dev.fieldlink.relay.config.RelaySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the training sandbox: in one process, on loopback with free ports, a real relay with throw-away keys and
 * database, trainee accounts, and a simulated fleet of real agents with simulated HMIs and simulated operators. The
 * agents pin this relay's host key; nothing in the sandbox can reach another relay.
 */
public final class Sandbox {
    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    /** How long the fleet may take to come online before {@link #start} gives up. */
    static final Duration FLEET_READY_TIMEOUT = Duration.ofSeconds(60);

    private Sandbox() {}

    /**
     * Starts everything and returns once every machine that should be online is connected to the relay.
     *
     * @throws IllegalStateException naming the machines that did not come online in time (everything started is
     *     stopped again)
     * @throws IllegalArgumentException when {@code options.dataDir()} exists and is not empty
     */
    public static RunningSandbox start(SandboxOptions options) {
        long started = System.nanoTime();
        boolean temporary = options.dataDir() == null;
        Path dir = dataDirectory(options.dataDir());
        List<AutoCloseable> toClose = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "fieldlink-sandbox-operators");
            t.setDaemon(true);
            return t;
        });
        toClose.add(scheduler::shutdownNow);
        try {
            RelaySettings settings = RelaySettings.ephemeral(dir.resolve("relay"))
                    // A file database in the sandbox directory: it goes with the directory, nothing stays in memory.
                    .dbUrl("jdbc:h2:file:" + dir.resolve("relay/relay").toAbsolutePath())
                    .consentTimeout(options.consentTimeout())
                    .recordingRetention(Duration.ZERO)
                    .build();
            RunningRelay relay = Relay.start(settings, options.clock());
            toClose.add(relay);
            RelayAdmin admin = relay.admin().as("admin:sandbox");
            List<SandboxAccount> accounts = Accounts.create(admin, options.clock(), new SecureRandom());
            List<Fleet.Entry> fleet = Fleet.machines();
            Map<String, SandboxAgent> agents = new LinkedHashMap<>();
            for (Fleet.Entry e : fleet) {
                SandboxMachine m = e.machine();
                admin.addMachine(new NewMachine(
                        m.id(),
                        e.serial(),
                        m.name(),
                        m.customer(),
                        m.site(),
                        m.region(),
                        m.productLine(),
                        m.model(),
                        SandboxAgent.switches(m),
                        Fleet.MAX_SESSION_MINUTES));
                if (m.online()) {
                    Path agentDir =
                            Files.createDirectories(dir.resolve("agents").resolve(m.id()));
                    SandboxAgent agent = SandboxAgent.start(e, agentDir, relay, options.clock(), options, scheduler);
                    toClose.add(agent.agent);
                    agents.put(m.id(), agent);
                }
            }
            awaitOnline(relay, agents.keySet());
            RunningSandbox sandbox = new RunningSandbox(
                    relay,
                    accounts,
                    fleet.stream().map(Fleet.Entry::machine).toList(),
                    agents,
                    options.clock(),
                    dir,
                    temporary,
                    scheduler);
            LOG.info(
                    "Fieldlink sandbox ready in {} ms: relay {} (SSH port {}), {} machines ({} online), {} accounts,"
                            + " data {}",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    relay.baseUrl(),
                    relay.sshPort(),
                    fleet.size(),
                    agents.size(),
                    accounts.size(),
                    temporary ? "temporary" : dir);
            return sandbox;
        } catch (IOException | RuntimeException e) {
            for (int i = toClose.size() - 1; i >= 0; i--) {
                try {
                    toClose.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (temporary) {
                Directories.deleteQuietly(dir);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("The sandbox could not start: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private static Path dataDirectory(Path given) {
        try {
            if (given == null) {
                return Files.createTempDirectory("fieldlink-sandbox-"); // owner-only on POSIX
            }
            if (Files.isDirectory(given)) {
                try (Stream<Path> entries = Files.list(given)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("The sandbox data directory " + given
                                + " is not empty; give an empty or new directory (or none for a temporary one)");
                    }
                }
                return given;
            }
            return Files.createDirectories(given);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the sandbox data directory: " + e.getMessage(), e);
        }
    }

    private static void awaitOnline(RunningRelay relay, java.util.Collection<String> machineIds) {
        long deadline = System.nanoTime() + FLEET_READY_TIMEOUT.toNanos();
        while (true) {
            List<String> missing = machineIds.stream()
                    .filter(id -> !relay.agents().isOnline(id))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("The sandbox fleet did not come online within "
                        + FLEET_READY_TIMEOUT.toSeconds() + " s; not connected: " + String.join(", ", missing));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the sandbox fleet", e);
            }
        }
    }
}
