package dev.fieldlink.viewer.server;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * Serves one {@link ScreenSource} to any number of clients, one {@link RfbServerSession} per stream pair (an SSH
 * channel, a loopback socket). Thread-safe.
 */
public final class RfbServer {
    private final ScreenSource source;
    private final RfbServerConfig config;

    public RfbServer(ScreenSource source, RfbServerConfig config) {
        this.source = source;
        this.config = config;
    }

    /**
     * Starts serving a client on these streams and returns at once. The session runs on two daemon threads (reader
     * and updater) and closes both streams when it ends.
     */
    public RfbServerSession serve(InputStream in, OutputStream out) {
        RfbServerSession s = new RfbServerSession(source, config, in, out);
        s.start();
        return s;
    }
}
