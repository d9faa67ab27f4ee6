package dev.fieldlink.relay.screen;

import static dev.fieldlink.protocol.audit.AuditEventTypes.CHANNEL_CLOSED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.CHANNEL_OPENED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.CHANNEL_REFUSED;

import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.session.SessionListener;
import dev.fieldlink.relay.session.SessionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens, tracks and closes screen channels. A viewer's {@code direct-tcpip} open is checked by the {@link ScreenGate},
 * then a screen channel is opened down the machine's connection, then both are spliced with the taps of every
 * {@link ScreenTapFactory}. Every open, refusal and close is audited. When a session leaves {@code ACTIVE} (for any
 * reason) its channels close at once. Thread-safe.
 */
public final class ScreenService implements SessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenService.class);

    private final ScreenGate gate;
    private final AgentSessions agents;
    private final Predicate<String> sessionActive;
    private final AuditLog audit;
    private final java.time.Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Duration openTimeout;
    private final List<ScreenTapFactory> tapFactories = new CopyOnWriteArrayList<>();
    private final Map<String, Set<Splice>> open = new ConcurrentHashMap<>();

    public ScreenService(
            ScreenGate gate,
            AgentSessions agents,
            Predicate<String> sessionActive,
            AuditLog audit,
            java.time.Clock clock,
            ScheduledExecutorService scheduler,
            Duration openTimeout) {
        this.gate = gate;
        this.agents = agents;
        this.sessionActive = sessionActive;
        this.audit = audit;
        this.clock = clock;
        this.scheduler = scheduler;
        this.openTimeout = openTimeout;
    }

    /** Taps every screen channel opened from now on. */
    public void addTapFactory(ScreenTapFactory factory) {
        tapFactories.add(factory);
    }

    /** The SSH channel factory for {@code direct-tcpip}. */
    public ChannelFactory channelFactory() {
        return new ViewerChannelFactory(this);
    }

    /** The open screen channels of a session. */
    public List<Splice> splices(String sessionId) {
        return List.copyOf(open.getOrDefault(sessionId, Set.of()));
    }

    /** Number of open screen channels. */
    public int openCount() {
        return open.values().stream().mapToInt(Set::size).sum();
    }

    /** Closes every screen channel of a session. */
    public void closeSession(String sessionId, String cause) {
        for (Splice s : splices(sessionId)) {
            s.close(cause);
        }
    }

    /** Closes every screen channel (shutdown). */
    public void closeAll(String cause) {
        for (String id : new ArrayList<>(open.keySet())) {
            closeSession(id, cause);
        }
    }

    @Override
    public void onStateChanged(SessionRecord s) {
        if (s.state() != SessionState.ACTIVE && s.state() != SessionState.PENDING_CONSENT) {
            closeSession(s.id(), "session " + s.state() + (s.endCause() == null ? "" : " (" + s.endCause() + ")"));
        }
    }

    void open(ViewerChannel viewer, ServerSession ssh, String host, int port, String origin, OpenFuture f) {
        ScreenContext ctx;
        try {
            ctx = gate.authorize(ssh, host, port);
        } catch (ScreenRefusedException e) {
            refused(viewer, f, ssh, e.subject(), e.code(), e.getMessage(), host, port, origin, true);
            return;
        } catch (RuntimeException e) {
            LOG.warn("screen gate failed for {}:{}: {}", host, port, e.toString());
            refused(
                    viewer,
                    f,
                    ssh,
                    "target:" + host,
                    "internal",
                    "the relay could not decide",
                    host,
                    port,
                    origin,
                    true);
            return;
        }
        Optional<Session> agentConnection = agents.connectionOf(ctx.machineId());
        if (agentConnection.isEmpty()) {
            refused(
                    viewer,
                    f,
                    ssh,
                    "session:" + ctx.sessionId(),
                    "machine-offline",
                    "the machine is not connected",
                    host,
                    port,
                    origin,
                    false);
            return;
        }
        List<ScreenTap> taps = new ArrayList<>();
        for (ScreenTapFactory factory : tapFactories) {
            try {
                ScreenTap t = factory.open(ctx);
                if (t != null) {
                    taps.add(t);
                }
            } catch (RuntimeException e) {
                LOG.warn("screen tap factory {} failed: {}", factory.getClass().getSimpleName(), e.toString());
            }
        }
        Splice splice = new Splice(ctx, taps);
        viewer.joined(splice);
        AgentScreenChannel agentLeg = new AgentScreenChannel(ctx.sessionId(), splice);
        OpenFuture agentOpen;
        try {
            agentConnection.get().getService(ConnectionService.class).registerChannel(agentLeg);
            agentOpen = agentLeg.open();
        } catch (Exception e) {
            agentLeg.close(true);
            splice.close("the machine connection failed");
            refused(
                    viewer,
                    f,
                    ssh,
                    "session:" + ctx.sessionId(),
                    "machine-unreachable",
                    e.toString(),
                    host,
                    port,
                    origin,
                    false);
            return;
        }
        var timeout = scheduler.schedule(
                () -> {
                    if (!agentOpen.isDone()) {
                        agentOpen.setException(new java.util.concurrent.TimeoutException(
                                "the machine did not answer within " + openTimeout.toSeconds() + " s"));
                    }
                },
                openTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
        agentOpen.addListener(done -> {
            timeout.cancel(false);
            if (!done.isOpened()) {
                agentLeg.close(true);
                splice.close("the machine refused the screen channel");
                Throwable why = done.getException();
                refused(
                        viewer,
                        f,
                        ssh,
                        "session:" + ctx.sessionId(),
                        "machine-refused",
                        why == null ? "refused" : why.getMessage(),
                        host,
                        port,
                        origin,
                        false);
                return;
            }
            started(viewer, f, splice, ctx, ssh, origin);
        });
    }

    private void started(
            ViewerChannel viewer, OpenFuture f, Splice splice, ScreenContext ctx, ServerSession ssh, String origin) {
        open.computeIfAbsent(ctx.sessionId(), k -> ConcurrentHashMap.newKeySet())
                .add(splice);
        splice.onClose(cause -> {
            Set<Splice> set = open.get(ctx.sessionId());
            if (set != null) {
                set.remove(splice);
                open.computeIfPresent(ctx.sessionId(), (k, v) -> v.isEmpty() ? null : v);
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("cause", cause);
            details.put("bytesToMachine", Long.toString(splice.bytesToAgent()));
            details.put("bytesToViewer", Long.toString(splice.bytesToViewer()));
            safeAudit(CHANNEL_CLOSED, "technician:" + ctx.technicianId(), "session:" + ctx.sessionId(), details);
        });
        viewer.confirm(f);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("machine", ctx.machineId());
        details.put("origin", origin);
        details.put("sshSession", ssh.getIoSession().getRemoteAddress().toString());
        safeAudit(CHANNEL_OPENED, "technician:" + ctx.technicianId(), "session:" + ctx.sessionId(), details);
        splice.start();
        if (!sessionActive.test(ctx.sessionId())) {
            splice.close("the session ended while the channel opened");
        }
        LOG.info("screen channel of session {} open ({} -> {})", ctx.sessionId(), origin, ctx.machineId());
        Duration age = Duration.between(ctx.openedAt(), clock.instant());
        LOG.debug("screen channel of session {} opened in {} ms", ctx.sessionId(), age.toMillis());
    }

    private void refused(
            ViewerChannel viewer,
            OpenFuture f,
            ServerSession ssh,
            String subject,
            String code,
            String message,
            String host,
            int port,
            String origin,
            boolean prohibited) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("reason", code);
        details.put("detail", message);
        details.put("target", host + ":" + port);
        details.put("origin", origin);
        String user = ssh.getUsername();
        safeAudit(CHANNEL_REFUSED, user == null ? "anonymous" : "technician:" + user, subject, details);
        viewer.refuse(
                f,
                prohibited ? SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED : SshConstants.SSH_OPEN_CONNECT_FAILED,
                message);
    }

    private void safeAudit(String type, String actor, String subject, Map<String, String> details) {
        try {
            audit.record(type, actor, subject, details);
        } catch (RuntimeException e) {
            LOG.error("audit of {} for {} failed: {}", type, subject, e.toString());
        }
    }
}
