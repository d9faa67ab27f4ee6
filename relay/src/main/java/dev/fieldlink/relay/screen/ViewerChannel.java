package dev.fieldlink.relay.screen;

import java.io.IOException;
import java.util.Collections;
import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.Closeable;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelAsyncOutputStream;
import org.apache.sshd.common.channel.LocalWindow;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.AbstractServerChannel;
import org.apache.sshd.server.session.ServerSession;

/**
 * A viewer's {@code direct-tcpip} channel to {@code session-<id>:5900}. The open is confirmed only after the gate
 * allowed it and the agent's screen channel opened; a refusal fails the open with "administratively prohibited" and
 * is audited by the {@link ScreenService}. Opens no socket, ever.
 */
final class ViewerChannel extends AbstractServerChannel implements SpliceEnd {
    private final ScreenService service;
    private volatile ChannelAsyncOutputStream out;
    private volatile Splice splice;

    ViewerChannel(ScreenService service) {
        super("", Collections.emptyList(), null);
        this.service = service;
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
        String host = buffer.getString();
        int port = buffer.getInt();
        String originator = buffer.getString();
        int originatorPort = buffer.getInt();
        OpenFuture f = new DefaultOpenFuture(this, futureLock);
        service.open(this, (ServerSession) getSession(), host, port, originator + ":" + originatorPort, f);
        return f;
    }

    /** The gate allowed it; the splice exists; the agent leg is opening. */
    void joined(Splice s) {
        splice = s;
        s.attachViewer(this);
    }

    /** The agent leg opened: confirm to the viewer, then let bytes flow. */
    void confirm(OpenFuture f) {
        out = new ChannelAsyncOutputStream(this, SshConstants.SSH_MSG_CHANNEL_DATA);
        // MINA 2.20 sends the open confirmation from the channel-open-success signal, not from the future.
        signalChannelOpenSuccess();
        f.setOpened();
    }

    /** Fails the open; only the reason code reaches the viewer. */
    void refuse(OpenFuture f, int reasonCode, String message) {
        SshChannelOpenException e = new SshChannelOpenException(getChannelId(), reasonCode, message);
        signalChannelOpenFailure(e);
        f.setException(e);
        super.close(true);
    }

    @Override
    public void handleWindowAdjust(Buffer buffer) throws IOException {
        super.handleWindowAdjust(buffer);
        ChannelAsyncOutputStream o = out;
        if (o != null) {
            o.onWindowExpanded();
        }
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) throws IOException {
        Splice s = splice;
        if (s == null) {
            getLocalWindow().release(len);
            return;
        }
        s.fromViewer(data, off, (int) len);
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) throws IOException {
        getLocalWindow().release(len);
    }

    @Override
    public void handleEof() throws IOException {
        super.handleEof();
        Splice s = splice;
        if (s != null) {
            s.eofFromViewer();
        }
    }

    @Override
    public void handleClose() throws IOException {
        Splice s = splice;
        if (s != null) {
            s.close("the viewer closed the screen channel");
        }
        super.handleClose();
    }

    @Override
    protected Closeable getInnerCloseable() {
        return builder().close(out).close(super.getInnerCloseable()).build();
    }

    @Override
    public ChannelAsyncOutputStream output() {
        return out;
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
        return "the viewer";
    }
}
