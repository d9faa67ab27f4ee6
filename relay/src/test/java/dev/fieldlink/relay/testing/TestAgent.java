package dev.fieldlink.relay.testing;

import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.control.ControlCodec;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.ssh.SshNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;

/**
 * A machine agent for tests, a few hundred lines of MINA client: its own ed25519 key, the relay's host key pinned,
 * the control subsystem with a reader thread, optional automatic consent, and screen channels served by {@link
 * TestScreenChannel}.
 */
public final class TestAgent implements AutoCloseable {
    private final String machineId;
    private final KeyPair key;
    private final SshClient client;
    private final ControlCodec codec = new ControlCodec();
    private final BlockingQueue<ControlMessage> inbox = new LinkedBlockingQueue<>();
    private final List<TestScreenChannel> screens = new CopyOnWriteArrayList<>();
    private volatile ClientSession session;
    private volatile ChannelSubsystem control;
    private volatile OutputStream toRelay;
    private volatile Integer autoConsentMinutes;
    private volatile boolean acceptScreens = true;
    private volatile dev.fieldlink.viewer.server.RfbServer rfbServer;

    public TestAgent(String machineId) {
        this.machineId = machineId;
        try {
            this.key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        client = SshClient.setUpDefaultClient();
        client.setChannelFactories(List.of(new ChannelFactory() {
            @Override
            public String getName() {
                return SshNames.SCREEN_CHANNEL;
            }

            @Override
            public Channel createChannel(Session s) {
                return new TestScreenChannel(TestAgent.this);
            }
        }));
    }

    /** The public key to register (OpenSSH line). */
    public String publicKey() {
        return PublicKeyEntry.toString(key.getPublic());
    }

    /** Answers every session request with consent for {@code minutes} (null: the test answers). */
    public TestAgent autoConsent(Integer minutes) {
        this.autoConsentMinutes = minutes;
        return this;
    }

    /** Whether screen channels are accepted. */
    public TestAgent acceptScreens(boolean accept) {
        this.acceptScreens = accept;
        return this;
    }

    /** Serves this RFB server on screen channels (else the channel only greets and collects bytes). */
    public TestAgent serveRfb(dev.fieldlink.viewer.server.RfbServer server) {
        this.rfbServer = server;
        return this;
    }

    dev.fieldlink.viewer.server.RfbServer rfbServer() {
        return rfbServer;
    }

    boolean acceptScreens() {
        return acceptScreens;
    }

    void screenOpened(TestScreenChannel c) {
        screens.add(c);
    }

    public List<TestScreenChannel> screens() {
        return screens;
    }

    /**
     * Connects, authenticates with the key, pins the host key, opens the control subsystem and says hello.
     *
     * @throws IOException when the relay refuses
     */
    public TestAgent connect(int port, String hostKeyFingerprint) throws IOException {
        return connect(port, hostKeyFingerprint, true);
    }

    /** As {@link #connect(int, String)}; {@code hello=false} leaves saying hello to the test. */
    public TestAgent connect(int port, String hostKeyFingerprint, boolean hello) throws IOException {
        client.setServerKeyVerifier((s, addr, k) -> KeyUtils.getFingerPrint(k).equals(hostKeyFingerprint));
        client.start();
        session = client.connect(machineId, "127.0.0.1", port)
                .verify(Duration.ofSeconds(10))
                .getSession();
        session.addPublicKeyIdentity(key);
        session.auth().verify(Duration.ofSeconds(10));
        control = session.createSubsystemChannel(SshNames.CONTROL_SUBSYSTEM);
        control.open().verify(Duration.ofSeconds(10));
        toRelay = control.getInvertedIn();
        InputStream fromRelay = control.getInvertedOut();
        Thread reader = new Thread(() -> read(fromRelay), "test-agent-" + machineId);
        reader.setDaemon(true);
        reader.start();
        if (hello) {
            send(new ControlMessage.Hello(
                    machineId, "test-agent/1", new CustomerSwitches(true, false, false), 1280, 800, 60, 120));
        }
        return this;
    }

    /** Sends one control message. */
    public synchronized void send(ControlMessage m) throws IOException {
        toRelay.write(codec.encode(m));
        toRelay.flush();
    }

    /** Sends raw bytes on the control channel (malformed input tests). */
    public synchronized void sendRaw(byte[] bytes) throws IOException {
        toRelay.write(bytes);
        toRelay.flush();
    }

    /** The next message of {@code type}, skipping others; fails after {@code timeout}. */
    public <T extends ControlMessage> T await(Class<T> type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " from the relay within " + timeout);
            }
            ControlMessage m;
            try {
                m = inbox.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }

    /** A message of {@code type} if one is already waiting (others are dropped). */
    public <T extends ControlMessage> Optional<T> poll(Class<T> type) {
        ControlMessage m;
        while ((m = inbox.poll()) != null) {
            if (type.isInstance(m)) {
                return Optional.of(type.cast(m));
            }
        }
        return Optional.empty();
    }

    public boolean isConnected() {
        return session != null && session.isOpen();
    }

    public ClientSession session() {
        return session;
    }

    private void read(InputStream in) {
        try {
            while (true) {
                Optional<String> line;
                try {
                    line = ControlCodec.readLine(in);
                } catch (ControlCodec.MalformedMessageException e) {
                    continue;
                }
                if (line.isEmpty()) {
                    return;
                }
                ControlMessage m;
                try {
                    m = codec.decode(line.get());
                } catch (ControlCodec.MalformedMessageException e) {
                    continue;
                }
                if (m instanceof ControlMessage.SessionRequested r && autoConsentMinutes != null) {
                    send(new ControlMessage.SessionConsent(r.sessionId(), true, autoConsentMinutes, "Olga Operator"));
                }
                inbox.add(m);
            }
        } catch (IOException e) {
            // connection closed
        }
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
