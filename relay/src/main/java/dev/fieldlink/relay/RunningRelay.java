package dev.fieldlink.relay;

import dev.fieldlink.auth.lockout.LoginThrottle;
import dev.fieldlink.auth.totp.Totp;
import dev.fieldlink.auth.totp.TotpVerifier;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.account.JdbcUsedStepStore;
import dev.fieldlink.relay.account.SignIn;
import dev.fieldlink.relay.admin.RelayAdmin;
import dev.fieldlink.relay.api.ApiContext;
import dev.fieldlink.relay.api.ApiServer;
import dev.fieldlink.relay.history.HistoryService;
import dev.fieldlink.relay.input.InputAudit;
import dev.fieldlink.relay.machine.MachineDirectory;
import dev.fieldlink.relay.machine.RelayEndpoints;
import dev.fieldlink.relay.metrics.RelayMetrics;
import dev.fieldlink.relay.recording.RecordingStore;
import dev.fieldlink.relay.recording.SessionRecordingFormat;
import dev.fieldlink.relay.screen.ScreenService;
import dev.fieldlink.relay.screen.ScreenTapFactory;
import dev.fieldlink.relay.session.SessionBroker;
import dev.fieldlink.relay.ssh.AgentRegistry;
import dev.fieldlink.relay.ssh.HostKey;
import dev.fieldlink.relay.ssh.SshEndpoint;
import dev.fieldlink.relay.tls.TlsMaterial;
import dev.fieldlink.viewer.recording.RecorderOptions;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A relay running in this process: HTTPS API and SSH endpoint listening, broker ticking. Everything another module
 * needs to drive it (the sandbox, tests) is here: ports, fingerprints, the TLS certificate to trust, and {@link
 * #admin()}. Thread-safe; {@link #close()} stops it and releases ports, threads and the database.
 */
public final class RunningRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningRelay.class);
    private static final Duration SCREEN_OPEN_TIMEOUT = Duration.ofSeconds(10);

    private final RelayCore core;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService controlExecutor;
    private final ExecutorService auditWriter;
    private final InputAudit inputAudit;
    private final TlsMaterial tls;
    private final SshEndpoint ssh;
    private final ApiServer api;
    private final SessionBroker broker;
    private final ScreenService screens;
    private final RecordingStore recordings;
    private final RelayMetrics metrics;
    private final AgentRegistry agents;
    private final RelayAdmin admin;
    private volatile FileTime signingKeysModified;

    private RunningRelay(RelayCore core) {
        this.core = core;
        var s = core.settings;
        this.scheduler = Executors.newScheduledThreadPool(2, daemon("relay-timer"));
        this.controlExecutor = Executors.newFixedThreadPool(8, daemon("relay-control"));
        this.tls = TlsMaterial.loadOrCreate(
                s.http().tlsCertificate(),
                s.http().tlsPrivateKey(),
                s.http().generateTls(),
                s.http().host(),
                core.clock);
        HostKey hostKey = HostKey.loadOrCreate(s.ssh().hostKey());
        this.agents = new AgentRegistry();
        this.broker = new SessionBroker(
                core.sessions, core.machines, core.accounts, core.policy, agents, core.audit, core.clock, s.sessions());
        broker.recover();
        this.screens = new ScreenService(
                new dev.fieldlink.relay.ssh.TicketGate(broker, core.accounts, core.machines, core.clock),
                agents,
                id -> broker.liveSession(id)
                        .map(x -> x.state() == SessionState.ACTIVE)
                        .orElse(false),
                core.audit,
                core.clock,
                scheduler,
                SCREEN_OPEN_TIMEOUT);
        this.metrics = new RelayMetrics(agents::size, broker::activeCount, screens::openCount);
        this.recordings = new RecordingStore(
                s.recordings().directory(),
                core.recordings,
                new SessionRecordingFormat(core.clock, RecorderOptions.defaults()),
                core.clock,
                s.recordings().retention());
        this.auditWriter = Executors.newSingleThreadExecutor(daemon("relay-input-audit"));
        this.inputAudit = new InputAudit(
                core.audit,
                core.clock,
                auditWriter,
                (sessionId, problem) -> broker.endUnauditableInput(sessionId, InputAudit.CLOSE_CAUSE + ": " + problem));
        screens.addTapFactory(recordings);
        screens.addTapFactory(inputAudit);
        screens.addTapFactory(metrics);
        core.audit.addObserver(metrics);
        this.ssh = new SshEndpoint(new SshEndpoint.Parts(
                s.ssh(),
                hostKey,
                agents,
                screens,
                broker,
                core.tokenVerifier,
                core.accounts,
                core.machines,
                core.ingest,
                core.audit,
                core.clock,
                controlExecutor,
                scheduler));
        ssh.start();
        toClose.add(ssh);
        int advertisedPort =
                s.ssh().advertisedPort() == 0 ? ssh.port() : s.ssh().advertisedPort();
        core.endpoints.set(new RelayEndpoints(s.ssh().advertisedHost(), advertisedPort, ssh.hostKeyFingerprint()));
        SignIn signIn = new SignIn(
                core.accounts,
                core.hasher,
                new TotpVerifier(new Totp(), new JdbcUsedStepStore(core.accounts), core.clock),
                core.cipher,
                new LoginThrottle(core.clock),
                core.issuer,
                core.refreshTokens,
                core.revoked,
                core.policy,
                core.audit,
                core.clock);
        ApiContext context = new ApiContext(
                signIn,
                core.tokenVerifier,
                core.issuer,
                core.signingKeys,
                core.accounts,
                new MachineDirectory(core.machines, core.policy, agents, core.audit, core.clock),
                broker,
                new HistoryService(
                        core.database.jdbc(),
                        core.machines,
                        core.auditEvents,
                        core.recordings,
                        core.policy,
                        core.audit,
                        core.clock),
                recordings,
                core.verifier,
                core.enrolment,
                metrics,
                core.audit,
                core.endpoints::get,
                core.database::isHealthy,
                agents::size,
                Json.mapper(),
                core.clock,
                Relay.version());
        this.api = new ApiServer(s.http(), tls, context);
        api.start();
        toClose.add(api);
        broker.addListener(screens);
        broker.addListener(ssh);
        broker.addListener(api.sessionEvents());
        this.admin = core.admin("admin:local", broker);
        schedule(broker::tick, s.sessions().tick());
        schedule(broker::recheckAll, s.sessions().recheckInterval());
        schedule(api::tickRemaining, s.sessions().remainingInterval());
        schedule(inputAudit::tick, Duration.ofSeconds(1));
        schedule(this::maintenance, Duration.ofMinutes(10));
        signingKeysModified = modified();
    }

    static RunningRelay start(RelayCore core) {
        try {
            return new RunningRelay(core);
        } catch (RuntimeException | Error e) {
            core.close();
            throw e;
        }
    }

    /** The HTTPS port. */
    public int httpsPort() {
        return api.port();
    }

    /** The SSH port. */
    public int sshPort() {
        return ssh.port();
    }

    /** {@code https://<host>:<port>} of the API, for clients on this machine. */
    public String baseUrl() {
        String host = core.settings.http().host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpsPort();
    }

    /** SHA-256 of the TLS certificate as {@code SHA256:<Base64>} (what the console's {@code --pin} takes). */
    public String tlsFingerprint() {
        return tls.fingerprint();
    }

    /** The same as upper-case hex pairs joined by colons ({@code openssl x509 -fingerprint -sha256}). */
    public String tlsFingerprintHex() {
        return tls.fingerprintHex();
    }

    /** The TLS certificate, for clients that trust exactly it. */
    public X509Certificate tlsCertificate() {
        return tls.certificate();
    }

    /** {@code SHA256:...} of the SSH host key, as OpenSSH prints it. */
    public String hostKeyFingerprint() {
        return ssh.hostKeyFingerprint();
    }

    /** The SSH host key as one OpenSSH line ({@code ssh-ed25519 AAAA...}), for a known_hosts file or pinning. */
    public String hostKeyLine() {
        return ssh.hostKey().publicKeyLine();
    }

    /** Administration of this relay (acting as {@code admin:local}); use {@link RelayAdmin#as} for another name. */
    public RelayAdmin admin() {
        return admin;
    }

    /** The session broker (for tests and the sandbox: {@link SessionBroker#tick()} after moving a fake clock). */
    public SessionBroker broker() {
        return broker;
    }

    /** Open screen channels. */
    public ScreenService screens() {
        return screens;
    }

    /** Agents online now. */
    public AgentRegistry agents() {
        return agents;
    }

    /** The core (database, repositories); for tests. */
    public RelayCore core() {
        return core;
    }

    /** The HTTPS API's routes as {@code METHOD path} ({@code GET /api/v1/sessions/{id}}); for the API documentation. */
    public List<String> apiRoutes() {
        return api.routes();
    }

    /** Taps every screen channel opened from now on (e.g. an input-audit parser). */
    public void addScreenTap(ScreenTapFactory factory) {
        screens.addTapFactory(factory);
    }

    @Override
    public void close() {
        screens.closeAll("the relay is stopping");
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
        scheduler.shutdownNow();
        controlExecutor.shutdownNow();
        auditWriter.shutdown();
        try {
            controlExecutor.awaitTermination(5, TimeUnit.SECONDS);
            auditWriter.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        core.close();
    }

    /**
     * Housekeeping the relay runs every 10 minutes: deletes recordings past their retention and expired refresh
     * tokens, and reloads the signing keys when another process rotated them. Callable at any time.
     */
    public void maintenance() {
        try {
            int purged = recordings.purge();
            int expired = core.refreshStore.deleteExpired(core.clock.instant());
            if (purged > 0 || expired > 0) {
                LOG.info(
                        "maintenance: {} recordings past retention deleted, {} expired refresh tokens",
                        purged,
                        expired);
            }
            FileTime now = modified();
            if (now != null && !now.equals(signingKeysModified)) {
                core.signingKeys.reload();
                signingKeysModified = now;
                LOG.info("signing keys reloaded (rotated by another process)");
            }
        } catch (RuntimeException e) {
            LOG.warn("maintenance failed: {}", e.toString());
        }
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(core.settings.auth().signingKeyFile());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private void schedule(Runnable task, Duration every) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.warn("periodic task failed: {}", e.toString());
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
