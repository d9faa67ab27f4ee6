package dev.fieldlink.agent.testing;

import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.control.ControlCodec;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.ssh.SshNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * A test double of the relay's agent-facing SSH side, to isolate the agent's connection code in unit tests: accepts
 * one registered machine key, speaks the control channel (records what the agent sends, acknowledges audit batches
 * and stores them by sequence as the relay must), and opens screen channels down the agent's connection. It is not
 * the relay: the end-to-end tests against the real relay are separate.
 */
public final class TestRelayEndpoint implements AutoCloseable {
    private final KeyPair hostKey;
    private final String machineId;
    private final PublicKey machineKey;
    private final ControlCodec codec = new ControlCodec();
    private final List<ControlMessage> received = new CopyOnWriteArrayList<>();
    private final Map<Long, AuditEvent> stored = new TreeMap<>();
    private final Set<Object> sessionsAccepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger duplicateEvents = new AtomicInteger();
    private volatile boolean acknowledge = true;
    private volatile boolean dropAfterHello;
    private volatile OutputStream toAgent;
    private volatile ServerSession agentSession;
    private SshServer server;
    private int port;

    public TestRelayEndpoint(KeyPair hostKey, String machineId, PublicKey machineKey) {
        this.hostKey = hostKey;
        this.machineId = machineId;
        this.machineKey = machineKey;
    }

    /** Starts on a free loopback port, or on the port used before (a restart). */
    public synchronized TestRelayEndpoint start() throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> {
            boolean ok = machineId.equals(user) && KeyUtils.compareKeys(machineKey, key);
            if (ok) {
                sessionsAccepted.add(session);
                agentSession = session;
            }
            return ok;
        });
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setSubsystemFactories(List.of(new ControlFactory()));
        server.start();
        port = server.getPort();
        return this;
    }

    public int port() {
        return port;
    }

    public String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(hostKey.getPublic());
    }

    /** Stops listening and drops the agent's connection. */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.stop(true);
            server = null;
            toAgent = null;
            agentSession = null;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    public void setAcknowledge(boolean on) {
        acknowledge = on;
    }

    /** Drops the agent's connection as soon as it says hello, as a relay does when another agent replaces it. */
    public void setDropAfterHello(boolean on) {
        dropAfterHello = on;
    }

    /** Drops the agent's connection now; the endpoint keeps listening. */
    public void dropAgent() {
        ServerSession session = agentSession;
        if (session != null) {
            session.close(true);
        }
    }

    public List<ControlMessage> received() {
        return received;
    }

    public <T extends ControlMessage> List<T> received(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ControlMessage m : received) {
            if (type.isInstance(m)) {
                out.add(type.cast(m));
            }
        }
        return out;
    }

    /** Audit events stored so far, by sequence, each once. */
    public synchronized List<AuditEvent> storedEvents() {
        return List.copyOf(stored.values());
    }

    /** Events the agent sent again that were already stored (expected after reconnects, ignored). */
    public int duplicateEvents() {
        return duplicateEvents.get();
    }

    public int sessionsAccepted() {
        return sessionsAccepted.size();
    }

    public boolean agentConnected() {
        return toAgent != null;
    }

    /** Sends a control message to the connected agent. */
    public void send(ControlMessage message) throws IOException {
        OutputStream out = toAgent;
        if (out == null) {
            throw new IOException("no agent connected");
        }
        synchronized (out) {
            out.write(codec.encode(message));
            out.flush();
        }
    }

    /** Opens a screen channel for {@code sessionId} down the agent's connection. */
    public TestScreenChannel openScreen(String sessionId, Duration timeout) throws IOException {
        ServerSession session = agentSession;
        if (session == null) {
            throw new IOException("no agent connected");
        }
        TestScreenChannel channel = new TestScreenChannel(sessionId);
        session.getService(ConnectionService.class).registerChannel(channel);
        channel.open().verify(timeout);
        return channel;
    }

    private synchronized void store(List<AuditEvent> events) {
        for (AuditEvent e : events) {
            if (stored.putIfAbsent(e.sequence(), e) != null) {
                duplicateEvents.incrementAndGet();
            }
        }
    }

    private synchronized long contiguous() {
        long expected = 1;
        for (long seq : stored.keySet()) {
            if (seq != expected) {
                break;
            }
            expected++;
        }
        return expected - 1;
    }

    private final class ControlFactory implements SubsystemFactory {
        @Override
        public String getName() {
            return SshNames.CONTROL_SUBSYSTEM;
        }

        @Override
        public Command createSubsystem(ChannelSession channel) {
            return new ControlCommand();
        }
    }

    private final class ControlCommand implements Command {
        private InputStream in;
        private OutputStream out;
        private ExitCallback exit;
        private Thread reader;
        private ServerSession session;

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {}

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            toAgent = out;
            session = channel.getSession();
            reader = new Thread(this::read, "test-relay-control");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try {
                while (true) {
                    var line = ControlCodec.readLine(in);
                    if (line.isEmpty()) {
                        break;
                    }
                    ControlMessage m = codec.decode(line.get());
                    received.add(m);
                    if (m instanceof ControlMessage.AuditBatch batch
                            && acknowledge
                            && !batch.events().isEmpty()) {
                        store(batch.events());
                        send(new ControlMessage.AuditAck(batch.events().get(0).stream(), contiguous()));
                    } else if (m instanceof ControlMessage.Ping p) {
                        send(new ControlMessage.Pong(p.nonce()));
                    } else if (m instanceof ControlMessage.Hello && dropAfterHello) {
                        session.close(true);
                        break;
                    }
                }
            } catch (IOException | ControlCodec.MalformedMessageException e) {
                // connection gone or agent sent garbage: the test's assertions say which
            } finally {
                exit.onExit(0);
            }
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (reader != null) {
                reader.interrupt();
            }
        }
    }
}
