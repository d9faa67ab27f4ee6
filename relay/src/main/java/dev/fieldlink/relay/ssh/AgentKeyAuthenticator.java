package dev.fieldlink.relay.ssh;

import static dev.fieldlink.protocol.audit.AuditEventTypes.AGENT_AUTH_REFUSED;

import dev.fieldlink.relay.account.AccountRepository;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.machine.AgentKeys;
import dev.fieldlink.relay.machine.MachineRecord;
import dev.fieldlink.relay.machine.MachineRepository;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents authenticate as their machine id with the key registered at enrolment; nothing else is looked up (no
 * {@code authorized_keys}). A refused key is audited once per connection (for user names that are not technicians,
 * whose viewers use tickets and whose SSH clients may offer keys first). Thread-safe.
 */
final class AgentKeyAuthenticator implements PublickeyAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(AgentKeyAuthenticator.class);
    private static final AttributeKey<Boolean> AUDITED = new AttributeKey<>();

    private final MachineRepository machines;
    private final AccountRepository accounts;
    private final AuditLog audit;

    AgentKeyAuthenticator(MachineRepository machines, AccountRepository accounts, AuditLog audit) {
        this.machines = machines;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        try {
            Optional<MachineRecord> machine =
                    username == null || username.length() > 64 ? Optional.empty() : machines.find(username);
            String reason;
            if (machine.isEmpty()) {
                reason = "unknown machine";
            } else if (machine.get().publicKey() == null) {
                reason = "no key registered for this machine";
            } else if (!KeyUtils.compareKeys(
                    AgentKeys.parse(machine.get().publicKey()).key(), key)) {
                reason = "key not registered for this machine";
            } else {
                session.setAttribute(SshPrincipal.KEY, new SshPrincipal.Agent(username));
                return true;
            }
            refused(username, key, session, reason);
            return false;
        } catch (RuntimeException e) {
            LOG.warn("agent key check for {} failed: {}", username, e.toString());
            return false;
        }
    }

    private void refused(String username, PublicKey key, ServerSession session, String reason) {
        if (session.getAttribute(AUDITED) != null) {
            return;
        }
        if (username != null
                && username.length() <= 64
                && accounts.findById(username).isPresent()) {
            return;
        }
        session.setAttribute(AUDITED, Boolean.TRUE);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("user", username);
        details.put("keyFingerprint", KeyUtils.getFingerPrint(key));
        details.put("reason", reason);
        details.put("address", String.valueOf(session.getClientAddress()));
        audit.record(AGENT_AUTH_REFUSED, "anonymous", "machine:" + truncate(username), details);
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 64 ? s.substring(0, 64) : s;
    }
}
