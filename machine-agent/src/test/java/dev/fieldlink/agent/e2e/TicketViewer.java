package dev.fieldlink.agent.e2e;

import dev.fieldlink.protocol.api.TicketResponse;
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

/** A technician's screen connection as the console makes it: ticket as SSH password, direct-tcpip to the session. */
final class TicketViewer implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SshClient client = SshClient.setUpDefaultClient();
    private final ChannelDirectTcpip channel;

    TicketViewer(TicketResponse t) throws IOException {
        client.setServerKeyVerifier((s, a, key) -> KeyUtils.getFingerPrint(key).equals(t.hostKeyFingerprint()));
        client.start();
        ClientSession session = client.connect(t.username(), "127.0.0.1", t.sshPort())
                .verify(WAIT)
                .getSession();
        session.addPasswordIdentity(t.ticket());
        session.auth().verify(WAIT);
        channel = session.createDirectTcpipChannel(
                new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress(t.targetHost(), t.targetPort()));
        channel.open().verify(WAIT);
    }

    InputStream in() {
        return channel.getInvertedOut();
    }

    OutputStream out() {
        return channel.getInvertedIn();
    }

    boolean awaitClosed(Duration timeout) {
        return channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout).contains(ClientChannelEvent.CLOSED);
    }

    @Override
    public void close() {
        client.stop();
    }
}
