package dev.fieldlink.console.relay;

import dev.fieldlink.protocol.api.TicketResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the screen of an active session: an SSH connection to the relay (user and password from the ticket; the
 * relay's host key must have the ticket's fingerprint), then one {@code direct-tcpip} channel to the ticket's
 * target, whose two streams carry RFB. Each screen has its own SSH client, pinned to its ticket's host key, and
 * closing the screen stops it. Stateless and thread-safe.
 */
public final class ScreenTunnel {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenTunnel.class);

    private final Duration timeout;

    /** An open screen channel; closing it closes the SSH connection too. */
    public interface Screen extends AutoCloseable {
        /** Bytes from the machine's RFB server. */
        InputStream in();

        /** Bytes to the machine's RFB server. */
        OutputStream out();

        /** True until the channel or the connection closed. */
        boolean isOpen();

        @Override
        void close();
    }

    /** @param timeout for each step: connect, key exchange and sign-in, channel open */
    public ScreenTunnel(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * An SSH client that authenticates with the ticket only and accepts only the host key with the pinned
     * fingerprint. It reads none of the technician's files: no {@code ~/.ssh} keys (an encrypted one would ask for a
     * passphrase), no {@code ~/.ssh/config} (a Host entry could redirect or reconfigure the connection).
     */
    static SshClient client(String expectedFingerprint) {
        SshClient ssh = SshClient.setUpDefaultClient();
        ssh.setKeyIdentityProvider(none -> List.of());
        ssh.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        ssh.setServerKeyVerifier((session, remote, key) ->
                expectedFingerprint != null && expectedFingerprint.equals(KeyUtils.getFingerPrint(key)));
        return ssh;
    }

    /**
     * Connects as the ticket says.
     *
     * @param fallbackHost the relay's host name, used when the ticket names no SSH host
     * @throws RelayException {@link RelayException.Failure#UNREACHABLE}, {@link RelayException.Failure#TIMEOUT},
     *     {@link RelayException.Failure#HOST_KEY_MISMATCH}, {@link RelayException.Failure#SCREEN_REFUSED} or
     *     {@link RelayException.Failure#CANCELLED}
     */
    @SuppressWarnings("try") // the registrations only scope the cancel hooks
    public Screen open(TicketResponse ticket, String fallbackHost, CancelToken cancel) {
        String host = ticket.sshHost() == null || ticket.sshHost().isBlank() ? fallbackHost : ticket.sshHost();
        String where = host + ":" + ticket.sshPort();
        String expected = ticket.hostKeyFingerprint();
        SshClient ssh = client(expected);
        ssh.start();
        ClientSession session = null;
        try {
            ConnectFuture connecting = ssh.connect(ticket.username(), host, ticket.sshPort());
            try (CancelToken.Registration r = cancel.onCancel(() -> connecting.cancel())) {
                session = connecting.verify(timeout).getSession();
            }
            ClientSession current = session;
            try (CancelToken.Registration r = cancel.onCancel(() -> current.close(true))) {
                session.addPasswordIdentity(ticket.ticket());
                try {
                    session.auth().verify(timeout);
                } catch (IOException e) {
                    throw refusedOrMismatch(session, expected, where, e, cancel);
                }
                ChannelDirectTcpip channel = session.createDirectTcpipChannel(
                        new SshdSocketAddress("localhost", 0),
                        new SshdSocketAddress(ticket.targetHost(), ticket.targetPort()));
                try {
                    channel.open().verify(timeout);
                } catch (IOException e) {
                    throw new RelayException(
                            RelayException.Failure.SCREEN_REFUSED,
                            "The relay refused the screen channel to " + ticket.targetHost(),
                            null,
                            e);
                }
                LOG.info("Screen channel to {} open via {}", ticket.targetHost(), where);
                return new OpenScreen(ssh, session, channel);
            }
        } catch (RelayException e) {
            stop(ssh, session);
            throw cancel.isCancelled() ? cancelled(e) : e;
        } catch (IOException | RuntimeException e) {
            stop(ssh, session);
            if (cancel.isCancelled()) {
                throw cancelled(e);
            }
            if (isTimeout(e)) {
                throw new RelayException(
                        RelayException.Failure.TIMEOUT,
                        "The relay's SSH endpoint " + where + " did not answer in time",
                        null,
                        e);
            }
            throw new RelayException(
                    RelayException.Failure.UNREACHABLE,
                    "The relay's SSH endpoint " + where + " cannot be reached",
                    null,
                    e);
        }
    }

    private static RelayException refusedOrMismatch(
            ClientSession session, String expected, String where, IOException e, CancelToken cancel) {
        PublicKey key = session.getServerKey();
        if (key != null && !KeyUtils.getFingerPrint(key).equals(expected)) {
            return new RelayException(
                    RelayException.Failure.HOST_KEY_MISMATCH,
                    "The SSH host key of " + where + " (" + KeyUtils.getFingerPrint(key)
                            + ") is not the one the relay announced (" + expected + ")",
                    KeyUtils.getFingerPrint(key),
                    e);
        }
        if (cancel.isCancelled()) {
            return cancelled(e);
        }
        return new RelayException(
                RelayException.Failure.SCREEN_REFUSED,
                "The relay's SSH endpoint " + where + " refused the session ticket",
                null,
                e);
    }

    private static boolean isTimeout(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException
                    || String.valueOf(t.getMessage()).contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    private static RelayException cancelled(Exception cause) {
        return new RelayException(RelayException.Failure.CANCELLED, "Cancelled", null, cause);
    }

    private static void stop(SshClient ssh, ClientSession session) {
        if (session != null) {
            session.close(true);
        }
        ssh.stop();
    }

    private static final class OpenScreen implements Screen {
        private final SshClient ssh;
        private final ClientSession session;
        private final ChannelDirectTcpip channel;

        OpenScreen(SshClient ssh, ClientSession session, ChannelDirectTcpip channel) {
            this.ssh = ssh;
            this.session = session;
            this.channel = channel;
        }

        @Override
        public InputStream in() {
            return channel.getInvertedOut();
        }

        @Override
        public OutputStream out() {
            return channel.getInvertedIn();
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen() && session.isOpen();
        }

        @Override
        public void close() {
            channel.close(true);
            stop(ssh, session);
        }
    }
}
