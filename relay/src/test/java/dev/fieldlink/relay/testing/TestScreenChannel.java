package dev.fieldlink.relay.testing;

import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.channel.ChannelPipedInputStream;
import org.apache.sshd.common.channel.ChannelPipedOutputStream;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.AbstractServerChannel;
import org.slf4j.LoggerFactory;

/**
 * The test agent's end of a screen channel: a stand-in for an RFB server. It greets with the RFB version, keeps every
 * byte it receives, and writes what the test asks it to.
 */
public final class TestScreenChannel extends AbstractServerChannel {
    public static final byte[] GREETING = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);

    private final TestAgent agent;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile String sessionId;
    private volatile OutputStream out;
    private volatile boolean eofReceived;
    private volatile boolean keep = true;
    private volatile long receivedCount;
    private volatile ChannelPipedOutputStream pipe;
    private volatile ChannelPipedInputStream rfbIn;
    private volatile RfbServerSession rfbSession;

    TestScreenChannel(TestAgent agent) {
        super("", Collections.emptyList(), null);
        this.agent = agent;
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
        sessionId = buffer.getString();
        OpenFuture f = new DefaultOpenFuture(this, futureLock);
        if (!agent.acceptScreens()) {
            SshChannelOpenException e = new SshChannelOpenException(
                    getChannelId(), SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, "operator did not allow");
            signalChannelOpenFailure(e);
            f.setException(e);
            return f;
        }
        out = new ChannelOutputStream(
                this,
                getRemoteWindow(),
                LoggerFactory.getLogger(TestScreenChannel.class),
                SshConstants.SSH_MSG_CHANNEL_DATA,
                true);
        RfbServer rfb = agent.rfbServer();
        if (rfb != null) {
            ChannelPipedInputStream in = new ChannelPipedInputStream(this, getLocalWindow());
            pipe = new ChannelPipedOutputStream(in);
            rfbIn = in;
        }
        // Confirm and start off the network thread: MINA sends the confirmation from the open-success signal, it
        // must leave before the first data, and a blocking write on a network thread would wait for itself.
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            signalChannelOpenSuccess();
            f.setOpened();
            agent.screenOpened(this);
            if (rfb != null) {
                rfbSession = rfb.serve(rfbIn, out);
                return;
            }
            try {
                send(GREETING);
            } catch (IOException e) {
                close(true);
            }
        });
        return f;
    }

    public String sessionId() {
        return sessionId;
    }

    /** Writes bytes to the viewer (blocks while the window is full). */
    public void send(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    /** Every byte received so far. */
    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** How many bytes arrived so far (cheap, unlike {@link #received()}). */
    public long receivedCount() {
        return receivedCount;
    }

    /** Stops keeping received bytes (benchmarks); only the count goes on. */
    public void discardReceived() {
        keep = false;
    }

    public boolean eofReceived() {
        return eofReceived;
    }

    /** The RFB server session when the agent serves a screen, else null. */
    public RfbServerSession rfbSession() {
        return rfbSession;
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) throws IOException {
        if (keep) {
            synchronized (received) {
                received.write(data, off, (int) len);
            }
        }
        receivedCount += len;
        if (pipe != null) {
            pipe.write(data, off, (int) len);
            return;
        }
        getLocalWindow().release(len);
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) throws IOException {
        getLocalWindow().release(len);
    }

    @Override
    public void handleEof() throws IOException {
        super.handleEof();
        eofReceived = true;
        if (pipe != null) {
            pipe.close();
        }
    }
}
