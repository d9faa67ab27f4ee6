package dev.fieldlink.relay.ssh;

import dev.fieldlink.protocol.control.ControlCodec;
import dev.fieldlink.protocol.control.ControlMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionAware;
import org.apache.sshd.server.command.AsyncCommandStreamsAware;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code fieldlink-control} subsystem of one agent connection. Bytes are split into lines as they arrive (no
 * thread per agent); lines are handled in order on a shared executor, so database work never runs on a network
 * thread. Window is released as lines are handled, up to {@value #MAX_PENDING_BYTES} bytes ahead, so a flooding agent
 * is slowed down, not buffered. A malformed, unknown or over-long line is answered with an {@code error} message and
 * the connection goes on.
 */
final class ControlSubsystem implements Command, ChannelSessionAware, AsyncCommandStreamsAware {
    static final int MAX_PENDING_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ControlSubsystem.class);

    private final String machineId;
    private final ControlHandler handler;
    private final SerialExecutor executor;
    private final ControlCodec codec = new ControlCodec();
    private final LineSplitter splitter = new LineSplitter();
    private ChannelSession channel;
    private IoOutputStream out;
    private AgentConnection connection;
    private long pending;
    private long owed;
    private ExitCallback exit;

    ControlSubsystem(String machineId, ControlHandler handler, Executor executor) {
        this.machineId = machineId;
        this.handler = handler;
        this.executor = new SerialExecutor(executor);
    }

    @Override
    public void setChannelSession(ChannelSession session) {
        this.channel = session;
        session.setDataReceiver(new Receiver());
    }

    @Override
    public void setIoOutputStream(IoOutputStream out) {
        this.out = out;
    }

    @Override
    public void setIoErrorStream(IoOutputStream err) {
        // The control channel writes no stderr.
    }

    @Override
    public void setIoInputStream(IoInputStream in) {
        // Data arrives through the Receiver instead.
    }

    @Override
    public void setInputStream(InputStream in) {}

    @Override
    public void setOutputStream(OutputStream out) {}

    @Override
    public void setErrorStream(OutputStream err) {}

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession session, Environment env) {
        ControlWriter writer = new ControlWriter(out, () -> {
            LOG.warn("agent {} does not read its control channel; closing the connection", machineId);
            session.getSession().close(true);
        });
        connection = new AgentConnection(machineId, session.getSession(), session, writer, codec);
        executor.execute(() -> handler.opened(connection));
    }

    @Override
    public void destroy(ChannelSession session) {
        AgentConnection c = connection;
        if (c != null) {
            executor.execute(() -> handler.closed(c, "control channel closed"));
        }
    }

    private final class Receiver implements ChannelDataReceiver {
        @Override
        public int data(ChannelSession session, byte[] buf, int start, int len) {
            List<LineSplitter.Line> lines = splitter.feed(buf, start, len);
            boolean release;
            synchronized (ControlSubsystem.this) {
                for (LineSplitter.Line l : lines) {
                    pending += l.bytes();
                }
                release = pending < MAX_PENDING_BYTES;
                if (!release) {
                    owed += len;
                }
            }
            for (LineSplitter.Line line : lines) {
                executor.execute(() -> handle(line));
            }
            return release ? len : 0;
        }

        @Override
        public void close() {
            ExitCallback e = exit;
            if (e != null) {
                e.onExit(0);
            }
        }
    }

    private void handle(LineSplitter.Line line) {
        try {
            AgentConnection c = connection;
            if (c == null) {
                return;
            }
            if (line.tooLong()) {
                c.send(new ControlMessage.Error(
                        "line-too-long", "a line longer than " + ControlMessage.MAX_LINE_BYTES + " bytes was dropped"));
                return;
            }
            if (line.text().isBlank()) {
                return;
            }
            ControlMessage message;
            try {
                message = codec.decode(line.text());
            } catch (ControlCodec.MalformedMessageException e) {
                LOG.info("agent {} sent a malformed control line: {}", machineId, e.getMessage());
                c.send(new ControlMessage.Error("malformed", e.getMessage()));
                return;
            }
            handler.handle(c, message);
        } catch (RuntimeException e) {
            LOG.warn("control line of agent {} failed: {}", machineId, e.toString());
        } finally {
            handled(line.bytes());
        }
    }

    private void handled(int bytes) {
        long release = 0;
        synchronized (this) {
            pending -= bytes;
            if (owed > 0 && pending < MAX_PENDING_BYTES) {
                release = owed;
                owed = 0;
            }
        }
        if (release > 0) {
            try {
                if (channel.getLocalWindow().isOpen()) {
                    channel.getLocalWindow().release(release);
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("window release on closed control channel ignored: {}", e.toString());
            }
        }
    }
}
