package dev.fieldlink.relay.ssh;

import dev.fieldlink.policy.Action;
import dev.fieldlink.policy.Decision;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.protocol.ssh.SshNames;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.account.AccountRepository;
import dev.fieldlink.relay.machine.MachineRecord;
import dev.fieldlink.relay.machine.MachineRepository;
import dev.fieldlink.relay.screen.ScreenContext;
import dev.fieldlink.relay.screen.ScreenGate;
import dev.fieldlink.relay.screen.ScreenRefusedException;
import dev.fieldlink.relay.session.SessionBroker;
import dev.fieldlink.relay.session.SessionRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.sshd.server.session.ServerSession;

/**
 * A viewer may open {@code direct-tcpip} only to {@code session-<id>:5900} of its own ticket, while that session is
 * active, the ticket unexpired on the relay's clock, the account active, and the policy allows {@link
 * Action#OPEN_CHANNEL}. Deny by default. Thread-safe.
 */
public final class TicketGate implements ScreenGate {
    private final SessionBroker broker;
    private final AccountRepository accounts;
    private final MachineRepository machines;
    private final Clock clock;

    public TicketGate(SessionBroker broker, AccountRepository accounts, MachineRepository machines, Clock clock) {
        this.broker = broker;
        this.accounts = accounts;
        this.machines = machines;
        this.clock = clock;
    }

    @Override
    public ScreenContext authorize(ServerSession session, String host, int port) throws ScreenRefusedException {
        String target = "target:" + (host == null ? "" : host.length() > 100 ? host.substring(0, 100) : host);
        if (!(session.getAttribute(SshPrincipal.KEY) instanceof SshPrincipal.Viewer viewer)) {
            throw new ScreenRefusedException("not-a-viewer", target, "only viewers with a ticket may open screens");
        }
        var ticket = viewer.ticket();
        if (host == null || !host.startsWith(SshNames.VIEWER_TARGET_PREFIX)) {
            throw new ScreenRefusedException(
                    "target-not-allowed", target, "only session-<id>:" + SshNames.VIEWER_TARGET_PORT + " is reachable");
        }
        String requested = host.substring(SshNames.VIEWER_TARGET_PREFIX.length());
        String subject = "session:" + (requested.length() > 64 ? requested.substring(0, 64) : requested);
        if (port != SshNames.VIEWER_TARGET_PORT) {
            throw new ScreenRefusedException(
                    "port-not-allowed", subject, "port " + port + " is not " + SshNames.VIEWER_TARGET_PORT);
        }
        if (!requested.equals(ticket.sessionId())) {
            throw new ScreenRefusedException(
                    "ticket-session-mismatch", subject, "the ticket is for session " + ticket.sessionId());
        }
        Instant now = clock.instant();
        if (!now.isBefore(ticket.expiresAt())) {
            throw new ScreenRefusedException("ticket-expired", subject, "the ticket expired at " + ticket.expiresAt());
        }
        Optional<SessionRecord> s = broker.liveSession(requested);
        if (s.isEmpty() || s.get().state() != SessionState.ACTIVE) {
            throw new ScreenRefusedException("session-not-active", subject, "the session is not active");
        }
        Optional<Account> account = accounts.findById(ticket.technicianId());
        if (account.isEmpty() || !account.get().active()) {
            throw new ScreenRefusedException("account-disabled", subject, "the account is disabled");
        }
        Optional<MachineRecord> machine = machines.find(s.get().machineId());
        if (machine.isEmpty()) {
            throw new ScreenRefusedException("machine-unknown", subject, "the machine no longer exists");
        }
        Decision d = broker.policy()
                .decide(account.get().toTechnician(), machine.get().toPolicy(), Action.OPEN_CHANNEL, now);
        if (d.denied()) {
            throw new ScreenRefusedException("policy-" + d.reason().name(), subject, d.detail());
        }
        return new ScreenContext(requested, s.get().machineId(), ticket.technicianId(), now);
    }
}
