package dev.fieldlink.agent.screen.rfb;

import dev.fieldlink.agent.connection.ScreenService;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import dev.fieldlink.viewer.server.RfbServerSession;
import dev.fieldlink.viewer.server.ScreenSource;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Serves a screen source over each screen channel with the session-viewer's {@link RfbServer}: security None (the
 * relay has authenticated and authorised the viewer), all encodings the server has. Blocks until the viewer leaves or
 * the channel's streams are closed under it (the session ended).
 */
public final class RfbScreenService implements ScreenService {
    private final RfbServer server;

    public RfbScreenService(ScreenSource source, String desktopName) {
        this.server = new RfbServer(source, RfbServerConfig.defaults(desktopName));
    }

    @Override
    public void serve(String sessionId, InputStream fromViewer, OutputStream toViewer) throws InterruptedIOException {
        RfbServerSession session = server.serve(fromViewer, toViewer);
        try {
            while (!session.awaitEnd(Duration.ofMinutes(1))) {
                // keep waiting: the session controller closes the streams when the session ends
            }
        } catch (InterruptedException e) {
            session.close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("screen session " + sessionId + " interrupted");
        }
    }
}
