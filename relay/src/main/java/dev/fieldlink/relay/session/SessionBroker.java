package dev.fieldlink.relay.session;

import static dev.fieldlink.protocol.audit.AuditEventTypes.ACCESS_DENIED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.EXTENSION_DECLINED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.EXTENSION_REQUESTED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.SESSION_REQUESTED;

import dev.fieldlink.policy.Action;
import dev.fieldlink.policy.Decision;
import dev.fieldlink.policy.DenyReason;
import dev.fieldlink.policy.EntitlementPolicy;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.account.AccountRepository;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.config.RelaySettings;
import dev.fieldlink.relay.db.DataAccessException;
import dev.fieldlink.relay.machine.AgentGateway;
import dev.fieldlink.relay.machine.MachineRecord;
import dev.fieldlink.relay.machine.MachineRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session state machine. Every transition is written to the database (conditional on the state it starts
 * from, so two transitions of one session never both win), then audited, then sent to the machine and to the
 * {@link SessionListener}s. Deadlines (consent timeout, expiry, extension timeout) are compared with the injected
 * clock by {@link #tick()}, which the relay calls every {@code sessions.tick}; tests call it after moving a fake clock.
 *
 * <p>Technician-facing methods throw {@link FieldlinkException}: {@code not-found} for sessions and machines the
 * caller may not see (exactly as for unknown ids), {@code invalid-state}, {@code machine-busy}, {@code
 * machine-offline}, {@code remote-service-off}, {@code validation}. Thread-safe.
 */
public final class SessionBroker {
    private static final Logger LOG = LoggerFactory.getLogger(SessionBroker.class);
    private static final int MAX_REASON = 1000;
    private static final int MAX_CASE_NUMBER = 100;
    private static final int MAX_CHAT = 2000;

    private final SessionCore core;
    private final MachineEvents machineEvents;
    private final EntitlementPolicy policy;
    private final RelaySettings.Sessions settings;

    public SessionBroker(
            SessionRepository sessions,
            MachineRepository machines,
            AccountRepository accounts,
            EntitlementPolicy policy,
            AgentGateway agents,
            AuditLog audit,
            Clock clock,
            RelaySettings.Sessions settings) {
        this.core = new SessionCore(sessions, machines, accounts, agents, audit, clock);
        this.machineEvents = new MachineEvents(core, settings.maxMinutes());
        this.policy = policy;
        this.settings = settings;
    }

    public void addListener(SessionListener listener) {
        core.addListener(listener);
    }

    /** What machines report (consent, End, chat, switches, connection); the control channel calls it. */
    public MachineEvents machineEvents() {
        return machineEvents;
    }

    public EntitlementPolicy policy() {
        return policy;
    }

    /**
     * Ends what a previous run of the relay left live: its connections are gone, so active sessions end with
     * {@code AGENT_DISCONNECTED}; pending requests stay and time out as usual. Call once at start.
     */
    public void recover() {
        for (SessionRecord s : core.sessions.live()) {
            core.track(s);
            if (s.state() == SessionState.ACTIVE) {
                core.finish(s.id(), SessionState.ENDED, EndCause.AGENT_DISCONNECTED, "relay", "the relay restarted");
            }
        }
    }

    // ---- technician side ----------------------------------------------------------------------------------

    /** A technician asks for a session. */
    public SessionRecord request(Account caller, SessionRequest req) {
        if (req == null) {
            throw new FieldlinkException(ProblemType.BAD_REQUEST, "the request body is missing");
        }
        String machineId = SessionProblems.required(req.machineId(), "machineId", 64);
        String reason = SessionProblems.required(req.reason(), "reason", MAX_REASON);
        String caseNumber = SessionProblems.optional(req.caseNumber(), "caseNumber", MAX_CASE_NUMBER);
        if (req.requestedMinutes() < 1 || req.requestedMinutes() > settings.maxMinutes()) {
            throw new FieldlinkException(
                    ProblemType.VALIDATION,
                    "requestedMinutes must be between 1 and " + settings.maxMinutes() + ", not "
                            + req.requestedMinutes());
        }
        MachineRecord machine = visibleMachine(caller, machineId, Action.REQUEST_SESSION);
        Decision d =
                policy.decide(caller.toTechnician(), machine.toPolicy(), Action.REQUEST_SESSION, core.clock.instant());
        if (d.denied()) {
            deny(caller, "machine:" + machineId, Action.REQUEST_SESSION, d);
            if (d.reason() == DenyReason.SWITCH_OFF) {
                throw new FieldlinkException(
                        ProblemType.REMOTE_SERVICE_OFF, "the customer has switched remote service off at " + machineId);
            }
            throw SessionProblems.notFoundMachine(machineId);
        }
        if (!core.agents.isOnline(machineId)) {
            throw new FieldlinkException(ProblemType.MACHINE_OFFLINE, "machine " + machineId + " is not connected");
        }
        Instant now = core.clock.instant();
        SessionRecord s = new SessionRecord(
                UUID.randomUUID().toString(),
                machineId,
                caller.id(),
                SessionState.PENDING_CONSENT,
                reason,
                caseNumber,
                req.requestedMinutes(),
                null,
                now,
                now.plus(settings.consentTimeout()),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        try {
            core.sessions.insert(s);
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw new FieldlinkException(
                        ProblemType.MACHINE_BUSY, "machine " + machineId + " already has a pending or active session");
            }
            throw e;
        }
        core.track(s);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("machine", machineId);
        details.put("reason", reason);
        details.put("caseNumber", caseNumber);
        details.put("requestedMinutes", Integer.toString(s.requestedMinutes()));
        details.put("consentDeadline", s.consentDeadline().toString());
        core.audit.record(SESSION_REQUESTED, caller.actor(), s.subject(), details);
        core.agents.send(machineId, core.requested(s, caller, req.requestedMinutes(), s.consentDeadline(), false));
        core.notifyState(s);
        return s;
    }

    /**
     * The caller's own session; anyone else's answers exactly like an unknown id, administrators included (they
     * end sessions with {@link #endByAdmin}, audited as such, and read them in the history).
     */
    public SessionRecord get(Account caller, String id) {
        SessionRecord s = core.sessions.find(id).orElseThrow(() -> SessionProblems.notFoundSession(id));
        if (!s.technicianId().equals(caller.id())) {
            throw SessionProblems.notFoundSession(id);
        }
        return s;
    }

    /** The technician ends an active session or withdraws a pending request. */
    public SessionRecord end(Account caller, String id, String comment) {
        SessionRecord s = get(caller, id);
        String detail = SessionProblems.optional(comment, "comment", MAX_CHAT);
        return switch (s.state()) {
            case PENDING_CONSENT ->
                core.finish(id, SessionState.CANCELLED, EndCause.CANCELLED, caller.actor(), detail)
                        .orElseThrow(() -> SessionProblems.invalidState(id));
            case ACTIVE ->
                core.finish(id, SessionState.ENDED, EndCause.TECHNICIAN, caller.actor(), detail)
                        .orElseThrow(() -> SessionProblems.invalidState(id));
            default -> throw SessionProblems.invalidState(s);
        };
    }

    /** An active session the caller may open the screen of: for tickets. Denials are audited. */
    public SessionRecord activeForTicket(Account caller, String id) {
        SessionRecord s = get(caller, id);
        // Also over when its time ran out and the deadline check has not ended it yet: a ticket must outlive now.
        if (s.state() != SessionState.ACTIVE
                || s.expiresAt() == null
                || !s.expiresAt().truncatedTo(ChronoUnit.SECONDS).isAfter(core.clock.instant())) {
            throw SessionProblems.invalidState(s);
        }
        MachineRecord m = core.machines.find(s.machineId()).orElseThrow(() -> SessionProblems.notFoundSession(id));
        Decision d = policy.decide(caller.toTechnician(), m.toPolicy(), Action.OPEN_CHANNEL, core.clock.instant());
        if (d.denied()) {
            deny(caller, s.subject(), Action.OPEN_CHANNEL, d);
            throw SessionProblems.notFoundSession(id);
        }
        return s;
    }

    /** The technician asks the operator for more time; needs a new consent. */
    public SessionRecord extend(Account caller, String id, int additionalMinutes) {
        if (additionalMinutes < 1 || additionalMinutes > settings.maxMinutes()) {
            throw new FieldlinkException(
                    ProblemType.VALIDATION,
                    "additionalMinutes must be between 1 and " + settings.maxMinutes() + ", not " + additionalMinutes);
        }
        get(caller, id);
        Instant deadline = core.clock.instant().plus(settings.consentTimeout());
        SessionRecord s = core.transition(
                        id,
                        cur -> cur.state() == SessionState.ACTIVE && cur.extensionMinutes() == null
                                ? cur.withExtension(additionalMinutes, deadline)
                                : null)
                .orElseThrow(() -> new FieldlinkException(
                        ProblemType.INVALID_STATE,
                        "session " + id + " is not active or already waits for an extension answer"));
        core.audit.record(
                EXTENSION_REQUESTED,
                caller.actor(),
                s.subject(),
                Map.of(
                        "additionalMinutes",
                        Integer.toString(additionalMinutes),
                        "consentDeadline",
                        deadline.toString()));
        core.agents.send(s.machineId(), core.requested(s, caller, additionalMinutes, deadline, true));
        return s;
    }

    /** A chat line from the technician to the operator. */
    public dev.fieldlink.protocol.api.ChatLine chatFromTechnician(Account caller, String id, String text) {
        String line = SessionProblems.required(text, "text", MAX_CHAT);
        SessionRecord s = get(caller, id);
        if (!s.live()) {
            throw SessionProblems.invalidState(s);
        }
        Instant now = core.clock.instant();
        var chat = new dev.fieldlink.protocol.api.ChatLine(
                dev.fieldlink.protocol.api.ChatLine.FROM_TECHNICIAN, caller.displayName(), line, now);
        core.audit.record(
                dev.fieldlink.protocol.audit.AuditEventTypes.CHAT_MESSAGE,
                caller.actor(),
                s.subject(),
                Map.of("from", chat.from(), "text", line));
        core.agents.send(
                s.machineId(), new ControlMessage.Chat(s.id(), chat.from(), chat.author(), chat.text(), chat.at()));
        core.notifyChat(s, chat);
        return chat;
    }

    // ---- administration -----------------------------------------------------------------------------------

    /** An administrator ends a session. */
    public Optional<SessionRecord> endByAdmin(String sessionId, String adminActor, String comment) {
        SessionRecord s = core.live(sessionId).orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        boolean active = s.state() == SessionState.ACTIVE;
        return core.finish(
                sessionId, active ? SessionState.ENDED : SessionState.CANCELLED, EndCause.ADMIN, adminActor, comment);
    }

    /**
     * The relay ends an active session whose input it could not audit ({@code UNAUDITABLE_INPUT}); empty if the
     * session is not active any more.
     *
     * @param detail why, for the audit event and the machine (no secrets)
     */
    public Optional<SessionRecord> endUnauditableInput(String sessionId, String detail) {
        SessionRecord s = core.live(sessionId).orElse(null);
        if (s == null || s.state() != SessionState.ACTIVE) {
            return Optional.empty();
        }
        return core.finish(sessionId, SessionState.ENDED, EndCause.UNAUDITABLE_INPUT, "relay", detail);
    }

    /**
     * Re-checks a person's live sessions against their account and the policy now: a disabled account ends them
     * with {@code ACCOUNT_DISABLED}, a lost entitlement with {@code POLICY_CHANGE} (or {@code SWITCH_OFF}).
     *
     * @return how many sessions ended
     */
    public int recheck(String technicianId) {
        List<SessionRecord> mine = new ArrayList<>();
        for (SessionRecord s : core.liveSessions()) {
            if (s.technicianId().equals(technicianId)) {
                mine.add(s);
            }
        }
        if (mine.isEmpty()) {
            return 0;
        }
        Optional<Account> account = core.accounts.findById(technicianId);
        int ended = 0;
        for (SessionRecord s : mine) {
            EndCause cause = null;
            String detail = null;
            if (account.isEmpty() || !account.get().active()) {
                cause = EndCause.ACCOUNT_DISABLED;
                detail = "the account was disabled";
            } else {
                Optional<MachineRecord> m = core.machines.find(s.machineId());
                Action action = s.state() == SessionState.ACTIVE ? Action.OPEN_CHANNEL : Action.REQUEST_SESSION;
                Decision d = m.map(x ->
                                policy.decide(account.get().toTechnician(), x.toPolicy(), action, core.clock.instant()))
                        .orElse(Decision.deny(DenyReason.REGION, "the machine no longer exists"));
                if (d.denied()) {
                    cause = d.reason() == DenyReason.SWITCH_OFF
                            ? EndCause.SWITCH_OFF
                            : d.reason() == DenyReason.ACCOUNT_DISABLED
                                    ? EndCause.ACCOUNT_DISABLED
                                    : EndCause.POLICY_CHANGE;
                    detail = d.reason() + ": " + d.detail();
                }
            }
            if (cause != null) {
                SessionState to = s.state() == SessionState.ACTIVE ? SessionState.ENDED : SessionState.CANCELLED;
                if (core.finish(s.id(), to, cause, "relay", detail).isPresent()) {
                    ended++;
                }
            }
        }
        return ended;
    }

    /** {@link #recheck} for everyone with a live session. */
    public void recheckAll() {
        core.liveSessions().stream().map(SessionRecord::technicianId).distinct().forEach(t -> {
            try {
                recheck(t);
            } catch (RuntimeException e) {
                LOG.warn("recheck of {} failed: {}", t, e.toString());
            }
        });
    }

    /** Compares every deadline with the clock and acts on those reached. */
    public void tick() {
        Instant now = core.clock.instant();
        for (SessionRecord s : core.liveSessions()) {
            try {
                if (s.state() == SessionState.PENDING_CONSENT && !now.isBefore(s.consentDeadline())) {
                    core.finish(s.id(), SessionState.EXPIRED, EndCause.CONSENT_TIMEOUT, "relay", null);
                } else if (s.state() == SessionState.ACTIVE && !now.isBefore(s.expiresAt())) {
                    core.finish(s.id(), SessionState.ENDED, EndCause.EXPIRED, "relay", null);
                } else if (s.state() == SessionState.ACTIVE
                        && s.extensionDeadline() != null
                        && !now.isBefore(s.extensionDeadline())) {
                    core.transition(
                                    s.id(),
                                    x -> x.extensionDeadline() != null && !now.isBefore(x.extensionDeadline())
                                            ? x.withExtension(null, null)
                                            : null)
                            .ifPresent(x -> {
                                core.audit.record(
                                        EXTENSION_DECLINED,
                                        "relay",
                                        x.subject(),
                                        Map.of("detail", "no answer in time"));
                                core.notifyExtension(x, false);
                            });
                }
            } catch (RuntimeException e) {
                LOG.warn("deadline handling of session {} failed: {}", s.id(), e.toString());
            }
        }
    }

    /** Snapshot of the live (pending or active) sessions. */
    public List<SessionRecord> liveSessions() {
        return core.liveSessions();
    }

    /** Number of active sessions now. */
    public int activeCount() {
        return (int) core.liveSessions().stream()
                .filter(s -> s.state() == SessionState.ACTIVE)
                .count();
    }

    /** The live record of a session, if pending or active. */
    public Optional<SessionRecord> liveSession(String id) {
        return core.live(id);
    }

    private MachineRecord visibleMachine(Account caller, String machineId, Action attempted) {
        Optional<MachineRecord> m = core.machines.find(machineId);
        if (m.isEmpty()) {
            deny(caller, "machine:" + machineId, attempted, Decision.deny(DenyReason.REGION, "no such machine"));
            throw SessionProblems.notFoundMachine(machineId);
        }
        Decision d = policy.decide(caller.toTechnician(), m.get().toPolicy(), Action.LIST, core.clock.instant());
        if (d.denied()) {
            deny(caller, "machine:" + machineId, attempted, d);
            throw SessionProblems.notFoundMachine(machineId);
        }
        return m.get();
    }

    private void deny(Account caller, String subject, Action action, Decision d) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", action.name());
        details.put("reason", d.reason().name());
        details.put("detail", d.detail());
        core.audit.record(ACCESS_DENIED, caller.actor(), subject, details);
    }
}
