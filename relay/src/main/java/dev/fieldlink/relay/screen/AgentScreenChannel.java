package dev.fieldlink.relay.screen;

import dev.fieldlink.protocol.ssh.SshNames;
import java.io.IOException;
import org.apache.sshd.client.channel.AbstractClientChannel;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.channel.ChannelAsyncOutputStream;
import org.apache.sshd.common.channel.LocalWindow;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * The relay's end of a {@value SshNames#SCREEN_CHANNEL} channel, opened down an agent's connection. Its
 * type-specific data is one SSH string, the session id. A client-type channel, because the connection service treats
 * channels the local side opened as client channels.
 */
final class AgentScreenChannel extends AbstractClientChannel implements SpliceEnd {
    private final String sessionId;
    private final Splice splice;

    AgentScreenChannel(String sessionId, Splice splice) {
        super(SshNames.SCREEN_CHANNEL);
        this.sessionId = sessionId;
        this.splice = splice;
        splice.attachAgent(this);
    }

    @Override
    public synchronized OpenFuture open() throws IOException {
        if (isClosing()) {
            throw new SshException("the agent connection is closing");
        }
        openFuture = new DefaultOpenFuture(toString(), futureLock);
        Session session = getSession();
        LocalWindow window = getLocalWindow();
        String type = getChannelType();
        Buffer buffer =
                session.createBuffer(SshConstants.SSH_MSG_CHANNEL_OPEN, type.length() + sessionId.length() + 32);
        buffer.putString(type);
        buffer.putUInt(getChannelId());
        buffer.putUInt(window.getSize());
        buffer.putUInt(window.getPacketSize());
        buffer.putString(sessionId);
        writePacket(buffer);
        return openFuture;
    }

    @Override
    protected void doOpen() {
        asyncIn = new ChannelAsyncOutputStream(this, SshConstants.SSH_MSG_CHANNEL_DATA);
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) {
        splice.fromAgent(data, off, (int) len);
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) throws IOException {
        // An RFB server has no second stream: drop it, but give the window back.
        getLocalWindow().release(len);
    }

    @Override
    public void handleEof() throws IOException {
        super.handleEof();
        splice.eofFromAgent();
    }

    @Override
    public void handleClose() throws IOException {
        splice.close("the machine closed the screen channel");
        super.handleClose();
    }

    @Override
    public ChannelAsyncOutputStream output() {
        return asyncIn;
    }

    @Override
    public LocalWindow receiveWindow() {
        return getLocalWindow();
    }

    @Override
    public void sendEofToPeer() throws IOException {
        sendEof();
    }

    @Override
    public String describe() {
        return "the machine";
    }
}
