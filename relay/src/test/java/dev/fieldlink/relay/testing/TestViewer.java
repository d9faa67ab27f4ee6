package dev.fieldlink.relay.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/** A viewer for tests: MINA client, ticket as password, one {@code direct-tcpip} channel. */
public final class TestViewer implements AutoCloseable {
    private final SshClient client = SshClient.setUpDefaultClient();
    private ClientSession session;
    private ChannelDirectTcpip channel;

    /**
     * Connects and authenticates.
     *
     * @throws IOException when authentication fails
     */
    public TestViewer connect(int port, String hostKeyFingerprint, String user, String ticket) throws IOException {
        client.setServerKeyVerifier((s, addr, k) -> KeyUtils.getFingerPrint(k).equals(hostKeyFingerprint));
        client.start();
        session = client.connect(user, "127.0.0.1", port)
                .verify(Duration.ofSeconds(10))
                .getSession();
        session.addPasswordIdentity(ticket);
        session.auth().verify(Duration.ofSeconds(10));
        return this;
    }

    /**
     * Opens the screen channel.
     *
     * @throws IOException when the relay refuses
     */
    public TestViewer open(String host, int port) throws IOException {
        channel = session.createDirectTcpipChannel(
                new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(host, port));
        channel.open().verify(Duration.ofSeconds(10));
        return this;
    }

    public OutputStream out() {
        return channel.getInvertedIn();
    }

    public InputStream in() {
        return channel.getInvertedOut();
    }

    /** Reads exactly {@code n} bytes. */
    public byte[] read(int n) throws IOException {
        return in().readNBytes(n);
    }

    public void write(byte[] b) throws IOException {
        out().write(b);
        out().flush();
    }

    /** True once the channel closed, waiting up to {@code timeout}. */
    public boolean awaitClosed(Duration timeout) {
        return channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout).contains(ClientChannelEvent.CLOSED);
    }

    public boolean channelOpen() {
        return channel != null && channel.isOpen() && !channel.isClosing();
    }

    public ClientSession session() {
        return session;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                session.close(true);
            }
            client.stop();
        } catch (Exception e) {
            // best effort
        }
    }
}
