package dev.fieldlink.agent.session;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The open screen channels of the active session, closed together when it ends. Guarded by its owner's lock. */
final class ScreenRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenRegistry.class);

    private final List<Closeable> open = new ArrayList<>();

    void add(Closeable channel) {
        open.add(channel);
    }

    /** @return true if {@code channel} was registered */
    boolean remove(Closeable channel) {
        return open.remove(channel);
    }

    void closeAll() {
        List<Closeable> closing = new ArrayList<>(open);
        open.clear();
        closing.forEach(ScreenRegistry::closeQuietly);
    }

    static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing a screen channel: {}", e.toString());
        }
    }
}
