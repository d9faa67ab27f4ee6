package dev.fieldlink.agent;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.config.ConfigLoader;
import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.connection.ConnectionStatus;
import dev.fieldlink.agent.connection.MachineKey;
import dev.fieldlink.agent.connection.RelayConnection;
import dev.fieldlink.agent.connection.ScreenService;
import dev.fieldlink.agent.screen.AgentScreen;
import dev.fieldlink.agent.screen.ScreenSources;
import dev.fieldlink.agent.screen.rfb.AgentScreenSource;
import dev.fieldlink.agent.screen.rfb.RfbScreenService;
import dev.fieldlink.agent.screen.simulated.SimulatedHmi;
import dev.fieldlink.agent.screen.vncproxy.ClientTapStream;
import dev.fieldlink.agent.screen.vncproxy.VncProxyService;
import dev.fieldlink.agent.session.ActiveSession;
import dev.fieldlink.agent.session.InputMirror;
import dev.fieldlink.agent.session.MirroredInput;
import dev.fieldlink.agent.session.Operator;
import dev.fieldlink.agent.session.SessionController;
import dev.fieldlink.agent.session.SessionListener;
import dev.fieldlink.agent.session.SimulatedOperator;
import dev.fieldlink.agent.switches.SwitchBoard;
import dev.fieldlink.protocol.BuildVersion;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.session.EndCause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One machine agent, assembled: audit log, switches, session controller, screen source, operator and the relay
 * connection. Build it with {@link #builder}; the sandbox and tests run several in one JVM, each with its own data
 * directory, clock and operator.
 *
 * <pre>{@code
 * Agent agent = Agent.builder(config)                       // machineId, relay host/port/fingerprint, dataDirectory
 *         .machineKey(keyPair)                              // else read from config.keyFile()
 *         .operator(new SimulatedOperator("Olga", SimulatedOperator.approve()))
 *         .build();
 * agent.start();                                            // connects unless every switch is off
 * }</pre>
 *
 * <p>Thread-safe. {@link #close} stops everything; the audit log stays on disk.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    /** The version this agent reports in {@code hello}. */
    public static final String VERSION = BuildVersion.of(Agent.class);

    private final AgentConfig config;
    private final Clock clock;
    private final AuditLog audit;
    private final SwitchBoard switches;
    private final SessionController sessions;
    private final AgentScreen screen;
    private final InputMirror mirror;
    private final MirroredInput input;
    private final ScreenService screenService;
    private final RelayConnection connection;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService screenThreads;
    private final Path configFile;
    private volatile boolean started;

    private Agent(Builder b) {
        this.config = b.config;
        this.clock = b.clock;
        this.configFile = b.configFile;
        this.audit =
                AuditLog.open(config.dataDirectory().resolve("audit"), config.auditStream(), config.audit(), clock);
        this.switches = new SwitchBoard(config.switches(), audit, config.machineId());
        switches.recordOfflineChange(
                AgentStatusFile.read(config.dataDirectory())
                        .map(AgentStatusFile::switches)
                        .orElse(null),
                "config");
        this.sessions = new SessionController(
                config.machineId(),
                config.session(),
                clock,
                audit,
                b.operator,
                config.switches().remoteService());
        this.screen = b.screen != null ? b.screen : ScreenSources.create(config.screen(), clock);
        this.mirror = new InputMirror(screen, sessions, clock);
        this.input = screen == null ? null : new MirroredInput(mirror, screen);
        this.screenService = b.screenService != null ? b.screenService.apply(this) : defaultScreenService();
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> daemon(r, "fieldlink-agent-" + n.incrementAndGet()));
        this.screenThreads = Executors.newCachedThreadPool(r -> daemon(r, "fieldlink-screen-" + n.incrementAndGet()));
        KeyPair key = b.machineKey != null ? b.machineKey : loadKeyIfPresent(config);
        int w = screen == null ? 0 : screen.width();
        int h = screen == null ? 0 : screen.height();
        this.connection = new RelayConnection(
                config, key, sessions, audit, screenService, screenThreads, clock, scheduler, b.random, VERSION, w, h);
        switches.addListener(s -> sessions.remoteServiceChanged(s.remoteService()));
        switches.addListener(connection::switchesChanged);
        if (configFile != null) {
            switches.addListener(this::persist);
        }
        // Status is written on the agent's own thread: the events arrive with other components' locks held.
        connection.addListener(status -> writeStatusLater());
        audit.addListener(new AuditLog.Listener() {
            @Override
            public void quotaChanged(AuditLog.QuotaState state) {
                writeStatusLater();
            }
        });
        sessions.addListener(new SessionListener() {
            @Override
            public void sessionStarted(ActiveSession session) {
                writeStatusLater();
            }

            @Override
            public void sessionEnded(String sessionId, EndCause cause, String detail) {
                writeStatusLater();
            }
        });
    }

    /** RFB over the screen source; for vnc-proxy the existing VNC server, its client stream tapped for the mirror. */
    private ScreenService defaultScreenService() {
        if (screen == null) {
            return new VncProxyService(config.screen().vncProxy(), out -> new ClientTapStream(out, mirror::accept));
        }
        String name = config.screen().source() == ScreenSettings.Source.SIMULATED
                ? config.screen().simulated().machineName()
                : config.machineId();
        return new RfbScreenService(new AgentScreenSource(screen, input), name);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static KeyPair loadKeyIfPresent(AgentConfig config) {
        return Files.exists(config.keyFile()) ? MachineKey.load(config.keyFile()) : null;
    }

    public static Builder builder(AgentConfig config) {
        return new Builder(config);
    }

    /** Starts the clocks and the connection; returns at once. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        scheduler.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
        connection.start();
        writeStatus();
        LOG.info(
                "Agent {} started (switches {}, screen {})",
                config.machineId(),
                switches.current(),
                config.screen().source());
    }

    private int ticks;

    private void tick() {
        try {
            sessions.tick();
            mirror.tick();
            if (screen instanceof SimulatedHmi hmi && ++ticks % 4 == 0) {
                hmi.refresh();
            }
        } catch (RuntimeException e) {
            LOG.error("Agent clock tick failed", e);
        }
    }

    private void persist(CustomerSwitches s) {
        try {
            new ConfigLoader().update(configFile, root -> {
                var node = root.putObject("switches");
                node.put("remoteService", s.remoteService());
                node.put("fileTransfer", s.fileTransfer());
                node.put("dataUpload", s.dataUpload());
            });
        } catch (RuntimeException e) {
            LOG.warn("Switches changed but {} could not be updated: {}", configFile, e.getMessage());
        }
    }

    private void writeStatusLater() {
        try {
            scheduler.execute(this::writeStatus);
        } catch (RejectedExecutionException e) {
            LOG.debug("status not written: stopping");
        }
    }

    private synchronized void writeStatus() {
        ConnectionStatus c = connection.status();
        new AgentStatusFile(
                        ProcessHandle.current().pid(),
                        clock.instant(),
                        c.state(),
                        c.detail(),
                        switches.current(),
                        audit.quotaState(),
                        sessions.active().map(a -> a.sessionId()).orElse(null))
                .write(config.dataDirectory());
    }

    public AgentConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public AuditLog audit() {
        return audit;
    }

    public SwitchBoard switches() {
        return switches;
    }

    public SessionController sessions() {
        return sessions;
    }

    /** The screen source, or null for {@code vnc-proxy}. */
    public AgentScreen screen() {
        return screen;
    }

    /** The technician's input path (mirror, then screen) for the RFB server; null for {@code vnc-proxy}. */
    public MirroredInput input() {
        return input;
    }

    public InputMirror mirror() {
        return mirror;
    }

    public ScreenService screenService() {
        return screenService;
    }

    public RelayConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
        sessions.connectionLost();
        scheduler.shutdownNow();
        screenThreads.shutdownNow();
        if (screen != null) {
            screen.close();
        }
        audit.close();
    }

    /** Assembles an {@link Agent}; everything but the config has a default. */
    public static final class Builder {
        private final AgentConfig config;
        private Clock clock = Clock.systemUTC();
        private Operator operator = new SimulatedOperator("operator", SimulatedOperator.neverAnswer());
        private AgentScreen screen;
        private Function<Agent, ScreenService> screenService;
        private KeyPair machineKey;
        private DoubleSupplier random = new SecureRandom()::nextDouble;
        private Path configFile;

        private Builder(AgentConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            if (config.machineId() == null) {
                throw new IllegalArgumentException("machineId is not set; run fieldlink-agent enroll first");
            }
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Who answers consent requests; default: nobody (every request times out). */
        public Builder operator(Operator o) {
            this.operator = o;
            return this;
        }

        /** The screen source; default: built from {@code config.screen()}. */
        public Builder screen(AgentScreen s) {
            this.screen = s;
            return this;
        }

        /**
         * Serves screen channels, given the assembled agent (screen, input path); default: the session-viewer's RFB
         * server over the screen source, or the vnc-proxy.
         */
        public Builder screenService(Function<Agent, ScreenService> s) {
            this.screenService = s;
            return this;
        }

        /** The machine key; default: read from {@code config.keyFile()} if it exists. */
        public Builder machineKey(KeyPair k) {
            this.machineKey = k;
            return this;
        }

        /** Reconnect jitter; default: {@link SecureRandom}. */
        public Builder random(DoubleSupplier r) {
            this.random = r;
            return this;
        }

        /** Where switch changes are written back; default: nowhere. */
        public Builder configFile(Path f) {
            this.configFile = f;
            return this;
        }

        public Agent build() {
            return new Agent(this);
        }
    }
}
