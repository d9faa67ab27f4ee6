package dev.fieldlink.agent.connection;

import dev.fieldlink.agent.session.SessionController;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.channel.ChannelPipedInputStream;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.AbstractServerChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's end of a {@code fieldlink-screen@fieldlink.dev} channel. The relay opens it with the session id; it is
 * confirmed only for the active, unexpired session (else refused with {@code ADMINISTRATIVELY_PROHIBITED}, audited by
 * the controller). The bytes run through blocking streams to a {@link ScreenService} on its own thread; the local
 * window is released as the service reads, so a slow service slows the viewer instead of filling memory.
 *
 * <p>When the session ends (any cause), the controller closes this channel: streams first, so the service's blocked
 * read or write fails at once, then the channel with CHANNEL_CLOSE, forced if the peer does not answer within a second.
 */
final class ScreenChannel extends AbstractServerChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenChannel.class);

    private final SessionController sessions;
    private final ScreenService service;
    private final ExecutorService executor;
    private volatile ChannelPipedInputStream in;
    private volatile ChannelOutputStream out;
    private volatile String sessionId;
    private final Closeable closer = this::endNow;

    ScreenChannel(SessionController sessions, ScreenService service, ExecutorService executor) {
        super(null);
        this.sessions = sessions;
        this.service = service;
        this.executor = executor;
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
        String id;
        try {
            id = buffer.getString();
        } catch (RuntimeException e) {
            return refuse(SshConstants.SSH_OPEN_CONNECT_FAILED, "screen channel without a session id");
        }
        if (sessions.openScreen(id).isEmpty()) {
            return refuse(SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, "no active session " + id);
        }
        sessionId = id;
        in = new ChannelPipedInputStream(getLocalWindow(), Duration.ZERO);
        out = new ChannelOutputStream(this, getRemoteWindow(), LOG, SshConstants.SSH_MSG_CHANNEL_DATA, true);
        if (!sessions.attachScreen(id, closer)) {
            return refuse(SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, "session " + id + " ended");
        }
        // Confirm first (the stock implementation signals success; the connection service then queues the
        // confirmation), and only then let the service write: data before the confirmation breaks the protocol.
        OpenFuture opened = super.doInit(buffer);
        try {
            executor.execute(this::serve);
        } catch (RejectedExecutionException e) {
            endNow();
        }
        return opened;
    }

    private OpenFuture refuse(int reason, String message) {
        OpenFuture f = new DefaultOpenFuture(this, this);
        SshChannelOpenException e = new SshChannelOpenException(getChannelId(), reason, message);
        signalChannelOpenFailure(e);
        f.setException(e);
        return f;
    }

    private void serve() {
        try {
            service.serve(sessionId, in, out);
        } catch (InterruptedIOException e) {
            LOG.debug("screen {} interrupted", sessionId);
        } catch (IOException | RuntimeException e) {
            LOG.debug("screen {} ended: {}", sessionId, e.toString());
        } finally {
            sessions.detachScreen(sessionId, closer);
            endNow();
        }
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) throws IOException {
        // Window is consumed by the caller and released by ChannelPipedInputStream as the service reads.
        try {
            in.receive(data, off, (int) len);
        } catch (IOException e) {
            // The service has stopped reading (the session ended) while the viewer still sent: drop the bytes. An
            // exception here would end the whole SSH connection, control channel included.
            LOG.debug("screen {}: {} bytes after the end dropped", sessionId, len);
            if (getLocalWindow().isOpen()) {
                getLocalWindow().release(len);
            }
        }
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) throws IOException {
        throw new IOException("the screen channel carries no extended data");
    }

    @Override
    public void handleEof() throws IOException {
        super.handleEof();
        if (in != null) {
            in.eof();
        }
    }

    /** Ends the channel now: streams first (unblocking the service), then CHANNEL_CLOSE; forced after 1 s. */
    void endNow() {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            LOG.debug("closing screen input: {}", e.toString());
        }
        if (isClosed() || isClosing()) {
            return;
        }
        var closing = close(false);
        try {
            executor.execute(() -> {
                try {
                    if (!closing.await(1, TimeUnit.SECONDS)) {
                        close(true);
                    }
                } catch (IOException e) {
                    close(true);
                }
            });
        } catch (RejectedExecutionException e) {
            close(true);
        }
    }
}
