package dev.fieldlink.agent.connection;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts exactly the relay host key whose {@code SHA256:} fingerprint was pinned at enrolment; any other key ends
 * the handshake. The last refused fingerprint is kept for the panel, the audit log and {@code status}. Thread-safe.
 */
public final class HostKeyPin implements ServerKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyPin.class);

    private final String pinned;
    private final AtomicReference<String> refused = new AtomicReference<>();

    public HostKeyPin(String pinnedFingerprint) {
        this.pinned = pinnedFingerprint;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        String presented = KeyUtils.getFingerPrint(serverKey);
        if (pinned != null && pinned.equals(presented)) {
            refused.set(null);
            return true;
        }
        refused.set(presented);
        LOG.warn(
                "Relay at {} presented host key {} but {} is pinned: connection refused",
                remoteAddress,
                presented,
                pinned);
        return false;
    }

    /** The fingerprint refused by the latest handshake, or null if it was accepted. */
    public String lastRefused() {
        return refused.get();
    }

    public String pinned() {
        return pinned;
    }
}
