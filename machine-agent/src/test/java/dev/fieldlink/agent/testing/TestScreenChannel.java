package dev.fieldlink.agent.testing;

import dev.fieldlink.protocol.ssh.SshNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.sshd.client.channel.AbstractClientChannel;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.channel.ChannelOutputStream;
import org.apache.sshd.common.channel.ChannelPipedInputStream;
import org.apache.sshd.common.channel.ChannelPipedOutputStream;
import org.apache.sshd.common.channel.LocalWindow;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * The relay side of a screen channel in tests: opened down the agent's connection with the session id as its
 * type-specific data (as the relay opens it), with blocking streams.
 */
public final class TestScreenChannel extends AbstractClientChannel {
    private final String sessionId;
    private ChannelPipedOutputStream pipe;

    TestScreenChannel(String sessionId) {
        super(SshNames.SCREEN_CHANNEL);
        this.sessionId = sessionId;
    }

    @Override
    public synchronized OpenFuture open() throws IOException {
        if (closeFuture.isClosed()) {
            throw new SshException("Session has been closed");
        }
        openFuture = new DefaultOpenFuture(sessionId, futureLock);
        LocalWindow window = getLocalWindow();
        Buffer buffer = getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_OPEN, 64 + sessionId.length());
        buffer.putString(getChannelType());
        buffer.putUInt(getChannelId());
        buffer.putUInt(window.getSize());
        buffer.putUInt(window.getPacketSize());
        buffer.putString(sessionId);
        writePacket(buffer);
        return openFuture;
    }

    @Override
    protected void doOpen() throws IOException {
        out = new ChannelOutputStream(this, getRemoteWindow(), log, SshConstants.SSH_MSG_CHANNEL_DATA, true);
        invertedIn = out;
        ChannelPipedInputStream pis = new ChannelPipedInputStream(this, getLocalWindow());
        pipe = new ChannelPipedOutputStream(pis);
        in = pis;
        invertedOut = in;
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) throws IOException {
        try {
            pipe.write(data, off, (int) len);
            pipe.flush();
        } catch (IOException e) {
            // the test stopped reading: drop, as the relay does, instead of failing the SSH session
            if (getLocalWindow().isOpen()) {
                getLocalWindow().release(len);
            }
        }
    }

    /** Bytes from the agent. */
    public InputStream fromAgent() {
        return invertedOut;
    }

    /** Bytes to the agent. */
    public OutputStream toAgent() {
        return invertedIn;
    }
}
