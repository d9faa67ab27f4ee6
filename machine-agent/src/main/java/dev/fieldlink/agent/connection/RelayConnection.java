package dev.fieldlink.agent.connection;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.connection.ConnectionStatus.State;
import dev.fieldlink.agent.session.RelayLink;
import dev.fieldlink.agent.session.SessionController;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlCodec;
import dev.fieldlink.protocol.control.ControlMessage;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the agent's one outbound connection to the relay: connects when any customer switch is on (never when all
 * are off), pins the relay host key, authenticates with the machine key, opens {@code fieldlink-control}, says
 * {@code hello}, forwards unacknowledged audit events, pings below the relay's idle timeout, and reconnects with
 * back-off and jitter after any failure, starting each connection from a clean state. A link counts as healthy, and
 * the back-off starts over, only once it has stayed up for one heartbeat interval on the injected clock: a relay that
 * accepts and drops the agent at once (another agent with the same key replacing it) gets ever longer pauses.
 *
 * <p>Thread-safe. Blocking work (connecting) runs on the given scheduler, never on the caller's thread.
 */
public final class RelayConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayConnection.class);

    private final AgentConfig config;
    private final KeyPair machineKey;
    private final SessionController sessions;
    private final AuditLog audit;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final String agentVersion;
    private final int screenWidth;
    private final int screenHeight;
    private final HostKeyPin pin;
    private final SshClient client;
    private final AuditForwarder forwarder;
    private final ControlCodec codec = new ControlCodec();
    private final List<Consumer<ConnectionStatus>> listeners = new CopyOnWriteArrayList<>();

    private CustomerSwitches switches;
    private volatile ConnectionStatus status;
    private ControlLink link;
    private ScheduledFuture<?> nextAttempt;
    private ScheduledFuture<?> heartbeat;
    private boolean connecting;
    private int failures;
    private Instant linkUpSince;
    private long pingNonce;
    private Instant pingSentAt;
    private String lastMismatchAudited;
    private boolean started;
    private boolean stopped;

    /**
     * @param machineKey the machine's key pair, or null before enrolment
     * @param screens serves the screen channels the relay opens
     * @param screenExecutor runs screen services (one thread each)
     * @param random jitter source, values in {@code [0, 1)}
     */
    public RelayConnection(
            AgentConfig config,
            KeyPair machineKey,
            SessionController sessions,
            AuditLog audit,
            ScreenService screens,
            ExecutorService screenExecutor,
            Clock clock,
            ScheduledExecutorService scheduler,
            DoubleSupplier random,
            String agentVersion,
            int screenWidth,
            int screenHeight) {
        this.config = config;
        this.machineKey = machineKey;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
        this.scheduler = scheduler;
        this.backoff = new Backoff(
                config.connection().reconnectInitial(), config.connection().reconnectMax(), random);
        this.agentVersion = agentVersion;
        this.screenWidth = screenWidth;
        this.screenHeight = screenHeight;
        this.switches = config.switches();
        this.pin = new HostKeyPin(config.relay().hostKeyFingerprint());
        this.client = SshClients.create(
                pin,
                new ScreenChannelFactory(sessions, screens, screenExecutor),
                config.connection().heartbeat());
        this.forwarder = new AuditForwarder(audit, clock);
        this.status = new ConnectionStatus(State.OFF, null, clock.instant(), null);
        audit.addListener(forwarder);
    }

    public void addListener(Consumer<ConnectionStatus> listener) {
        listeners.add(listener);
    }

    /** The state now; never blocks (read by listeners that may hold other locks). */
    public ConnectionStatus status() {
        return status;
    }

    /** Starts connecting if allowed; returns at once. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        client.start();
        long beat = config.connection().heartbeat().toMillis();
        heartbeat = scheduler.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        evaluate();
    }

    /** The customer changed switches: connect, tell the relay, or disconnect (all off). */
    public synchronized void switchesChanged(CustomerSwitches newSwitches) {
        switches = newSwitches;
        if (link != null && !switches.allOff()) {
            link.send(new ControlMessage.SwitchesChanged(newSwitches));
        }
        evaluate();
    }

    private void evaluate() {
        if (stopped || !started) {
            return;
        }
        if (switches.allOff()) {
            cancelAttempt();
            if (link != null) {
                link.close();
            }
            setStatus(State.OFF, "every customer switch is off", null);
            return;
        }
        List<String> missing = config.missingForConnection();
        if (!missing.isEmpty() || machineKey == null) {
            setStatus(
                    State.NOT_ENROLLED,
                    missing.isEmpty() ? "no machine key" : "missing " + String.join(", ", missing),
                    null);
            return;
        }
        if (link == null && !connecting && nextAttempt == null) {
            failures = 0;
            schedule(Duration.ZERO);
        }
    }

    private void schedule(Duration delay) {
        cancelAttempt();
        nextAttempt = scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelAttempt() {
        if (nextAttempt != null) {
            nextAttempt.cancel(false);
            nextAttempt = null;
        }
    }

    private void connect() {
        synchronized (this) {
            nextAttempt = null;
            if (stopped || switches.allOff() || link != null) {
                return;
            }
            connecting = true;
            setStatus(
                    State.CONNECTING,
                    config.relay().host() + ":" + config.relay().port(),
                    null);
        }
        Duration timeout = config.connection().connectTimeout();
        ClientSession session = null;
        try {
            session = client.connect(
                            config.machineId(),
                            config.relay().host(),
                            config.relay().port())
                    .verify(timeout)
                    .getSession();
            session.addPublicKeyIdentity(machineKey);
            session.auth().verify(timeout);
            ChannelSubsystem channel = session.createSubsystemChannel(ControlMessage.SUBSYSTEM);
            channel.open().verify(timeout);
            connected(session, channel);
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            failed(e);
        }
    }

    private synchronized void connected(ClientSession session, ChannelSubsystem channel) {
        connecting = false;
        if (stopped || switches.allOff()) {
            session.close(true);
            evaluate();
            return;
        }
        // Told on another thread: a link may close while its closer holds the session controller's lock.
        ControlLink newLink = new ControlLink(session, channel, codec, this::linkClosedLater);
        link = newLink;
        linkUpSince = clock.instant();
        pingSentAt = null;
        newLink.start(this::inbound, detail -> {
            LOG.warn("Malformed control message from the relay: {}", detail);
            newLink.send(new ControlMessage.Error("malformed", detail));
        });
        newLink.send(new ControlMessage.Hello(
                config.machineId(),
                agentVersion,
                switches,
                screenWidth,
                screenHeight,
                config.session().maxMinutes(),
                config.session().consentTimeout().toSeconds()));
        sessions.setRelayLink(newLink);
        audit.append(
                AuditEventTypes.AGENT_CONNECTED,
                "agent:" + config.machineId(),
                "machine:" + config.machineId(),
                Map.of("relay", config.relay().host() + ":" + config.relay().port(), "hostKey", pin.pinned()));
        forwarder.start(newLink);
        setStatus(State.CONNECTED, config.relay().host() + ":" + config.relay().port(), null);
        LOG.info(
                "Connected to the relay at {}:{}",
                config.relay().host(),
                config.relay().port());
    }

    private synchronized void failed(Exception e) {
        connecting = false;
        if (stopped) {
            return;
        }
        Duration delay = backoff.delay(failures++);
        Instant next = clock.instant().plus(delay);
        String refused = pin.lastRefused();
        if (refused != null) {
            String detail = "relay presented " + refused + " but " + pin.pinned() + " is pinned";
            if (!refused.equals(lastMismatchAudited)) {
                lastMismatchAudited = refused;
                audit.append(
                        AuditEventTypes.HOST_KEY_MISMATCH,
                        "agent:" + config.machineId(),
                        "machine:" + config.machineId(),
                        Map.of(
                                "presented",
                                refused,
                                "pinned",
                                pin.pinned(),
                                "relay",
                                config.relay().host() + ":" + config.relay().port()));
            }
            setStatus(State.HOST_KEY_MISMATCH, detail, next);
        } else {
            LOG.info("Connecting to the relay failed ({}); next attempt in {} ms", e.toString(), delay.toMillis());
            setStatus(State.RETRYING, describe(e), next);
        }
        if (!switches.allOff()) {
            schedule(delay);
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private void linkClosedLater() {
        try {
            scheduler.execute(this::linkClosed);
        } catch (RejectedExecutionException e) {
            LOG.debug("link closed while stopping");
        }
    }

    /** The live link closed (peer, network, heartbeat or our own close). */
    private void linkClosed() {
        synchronized (this) {
            if (link == null || link.isOpen()) {
                return;
            }
            link = null;
            forwarder.stop();
            sessions.setRelayLink(RelayLink.NONE);
        }
        // The controller takes its own lock; ending sessions must not wait for ours.
        sessions.connectionLost();
        synchronized (this) {
            if (!stopped) {
                audit.append(
                        AuditEventTypes.AGENT_DISCONNECTED,
                        "agent:" + config.machineId(),
                        "machine:" + config.machineId(),
                        Map.of());
            }
            if (stopped || switches.allOff()) {
                evaluate();
                return;
            }
            if (stayedUp()) {
                failures = 0;
            }
            Duration delay = backoff.delay(failures++);
            setStatus(
                    State.RETRYING,
                    "connection to the relay lost",
                    clock.instant().plus(delay));
            schedule(delay);
        }
    }

    /** Whether the link that just closed had been up for at least one heartbeat interval. */
    private boolean stayedUp() {
        Duration up = Duration.between(linkUpSince, clock.instant());
        return up.compareTo(config.connection().heartbeat()) >= 0;
    }

    private void inbound(ControlMessage message) {
        if (message instanceof ControlMessage.SessionRequested r) {
            sessions.onRequested(r);
        } else if (message instanceof ControlMessage.SessionEnded e) {
            sessions.onEnded(e);
        } else if (message instanceof ControlMessage.Chat c) {
            sessions.onChat(c);
        } else if (message instanceof ControlMessage.AuditAck a) {
            forwarder.acknowledged(a);
        } else if (message instanceof ControlMessage.Ping p) {
            send(new ControlMessage.Pong(p.nonce()));
        } else if (message instanceof ControlMessage.Pong p) {
            synchronized (this) {
                if (p.nonce() == pingNonce) {
                    pingSentAt = null;
                }
            }
        } else if (message instanceof ControlMessage.Error e) {
            LOG.warn("Relay reports an error: {} {}", e.code(), e.detail());
        } else {
            send(new ControlMessage.Error("unexpected", message.getClass().getSimpleName() + " is not sent to agents"));
        }
    }

    private synchronized void send(ControlMessage message) {
        if (link != null) {
            link.send(message);
        }
    }

    /** Pings the relay; a ping unanswered for two intervals means the connection is dead. Also drives timers. */
    private void heartbeat() {
        ControlLink dead = null;
        synchronized (this) {
            if (link != null) {
                Duration beat = config.connection().heartbeat();
                if (pingSentAt != null && clock.instant().isAfter(pingSentAt.plus(beat.multipliedBy(2)))) {
                    LOG.warn(
                            "Relay did not answer a ping for {} s; reconnecting",
                            beat.multipliedBy(2).toSeconds());
                    dead = link;
                } else if (pingSentAt == null) {
                    pingNonce++;
                    pingSentAt = clock.instant();
                    link.send(new ControlMessage.Ping(pingNonce));
                }
            }
        }
        if (dead != null) {
            dead.close();
        }
        forwarder.tick();
    }

    private void setStatus(State state, String detail, Instant next) {
        if (status.state() == state
                && Objects.equals(status.detail(), detail)
                && Objects.equals(status.nextAttempt(), next)) {
            return;
        }
        status = new ConnectionStatus(state, detail, clock.instant(), next);
        ConnectionStatus now = status;
        listeners.forEach(l -> l.accept(now));
    }

    /** Closes the connection and stops reconnecting. */
    @Override
    public void close() {
        ControlLink open;
        synchronized (this) {
            stopped = true;
            cancelAttempt();
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
            open = link;
            setStatus(State.STOPPED, null, null);
        }
        if (open != null) {
            open.close();
        }
        audit.removeListener(forwarder);
        try {
            client.stop();
        } catch (RuntimeException e) {
            LOG.debug("stopping the SSH client: {}", e.toString());
        }
    }
}
