package dev.fieldlink.relay.ssh;

import static dev.fieldlink.protocol.audit.AuditEventTypes.ACCESS_DENIED;

import dev.fieldlink.auth.AuthException;
import dev.fieldlink.auth.jwt.TicketClaims;
import dev.fieldlink.auth.jwt.TokenVerifier;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.account.AccountRepository;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.session.SessionBroker;
import dev.fieldlink.relay.session.SessionRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Viewers authenticate as their technician id with a session ticket as password. The ticket must verify (signature,
 * type, audience {@code fieldlink-ssh}, expiry on the relay's clock), name this user, and its session must be active
 * now; the account must be active. Every refusal is audited with its reason. Thread-safe.
 */
final class TicketAuthenticator implements PasswordAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(TicketAuthenticator.class);

    private final TokenVerifier verifier;
    private final AccountRepository accounts;
    private final SessionBroker broker;
    private final AuditLog audit;

    TicketAuthenticator(TokenVerifier verifier, AccountRepository accounts, SessionBroker broker, AuditLog audit) {
        this.verifier = verifier;
        this.accounts = accounts;
        this.broker = broker;
        this.audit = audit;
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        try {
            return check(username, password, session);
        } catch (RuntimeException e) {
            LOG.warn("ticket check for {} failed: {}", username, e.toString());
            return false;
        }
    }

    private boolean check(String username, String password, ServerSession session) {
        Optional<Account> account =
                username == null || username.length() > 64 ? Optional.empty() : accounts.findById(username);
        TicketClaims ticket;
        try {
            ticket = verifier.verifyTicket(password);
        } catch (AuthException e) {
            return refused(
                    username,
                    account,
                    null,
                    "ticket-" + e.reason().name().toLowerCase(java.util.Locale.ROOT),
                    e.getMessage(),
                    session);
        }
        if (!ticket.technicianId().equals(username)) {
            return refused(
                    username,
                    account,
                    ticket.sessionId(),
                    "ticket-user-mismatch",
                    "the ticket was issued to another user",
                    session);
        }
        if (account.isEmpty() || !account.get().active()) {
            return refused(
                    username, account, ticket.sessionId(), "account-disabled", "the account is disabled", session);
        }
        Optional<SessionRecord> live = broker.liveSession(ticket.sessionId());
        if (live.isEmpty()
                || live.get().state() != SessionState.ACTIVE
                || !live.get().machineId().equals(ticket.machineId())
                || !live.get().technicianId().equals(username)) {
            return refused(
                    username,
                    account,
                    ticket.sessionId(),
                    "session-not-active",
                    "the ticket's session is not active",
                    session);
        }
        session.setAttribute(SshPrincipal.KEY, new SshPrincipal.Viewer(ticket));
        return true;
    }

    private boolean refused(
            String username,
            Optional<Account> account,
            String sessionId,
            String reason,
            String detail,
            ServerSession session) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", "SSH_LOGIN");
        details.put("reason", reason);
        details.put("detail", detail);
        details.put("user", username == null ? null : username.length() > 64 ? username.substring(0, 64) : username);
        details.put("address", String.valueOf(session.getClientAddress()));
        audit.record(
                ACCESS_DENIED,
                account.map(Account::actor).orElse("anonymous"),
                sessionId == null ? "ssh" : "session:" + sessionId,
                details);
        return false;
    }
}
