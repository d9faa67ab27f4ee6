package dev.fieldlink.agent.screen.vncproxy;

import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbLimits;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import dev.fieldlink.viewer.rfb.message.ClientMessageReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * The viewer's messages on their way to the VNC server (after ClientInit), parsed by the session-viewer's {@link
 * ClientMessageReader} so that the operator's mirror and the audit log see every input. Bytes that do not parse are
 * not forwarded: the connection ends instead (the operator must see everything the machine receives).
 */
public final class ClientTapStream extends FilterOutputStream {
    private final ClientMessageReader reader;

    public ClientTapStream(OutputStream toServer, Consumer<ClientMessage> messages) {
        super(toServer);
        this.reader = new ClientMessageReader(RfbLimits.DEFAULT, messages::accept);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            reader.feed(b, off, len);
        } catch (RfbException e) {
            throw new IOException("the viewer sent a malformed RFB message; connection ended: " + e.getMessage(), e);
        }
        out.write(b, off, len);
    }
}
