package dev.fieldlink.agent.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Serves one screen session over a byte stream: the RFB server side of the agent's screen source, with the input
 * mirrored to the operator. The stream is an SSH channel the relay opened; the service knows nothing of SSH.
 */
@FunctionalInterface
public interface ScreenService {
    /**
     * Serves until the viewer leaves or the streams are closed under it (the session ended). Runs on a thread of its
     * own; blocking reads and writes are expected.
     *
     * @param sessionId the session whose consent allowed this screen
     * @param fromViewer the viewer's bytes (RFB client to server)
     * @param toViewer bytes to the viewer (RFB server to client)
     */
    void serve(String sessionId, InputStream fromViewer, OutputStream toViewer) throws IOException;
}
