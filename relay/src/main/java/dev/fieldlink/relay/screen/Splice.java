package dev.fieldlink.relay.screen;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.sshd.common.channel.ChannelAsyncOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins a viewer channel and an agent channel in process: two {@link Pump}s, one per direction, and the taps. When
 * either side closes, fails, or the session ends, {@link #close} tears both down at once: the pumps stop (discarding
 * but still releasing window), both asynchronous streams close immediately, and both channels then close (a graceful
 * close would wait for writes that can never complete). EOF from one side is forwarded to the other after its last
 * byte. Each chunk passes the taps before it is forwarded; a tap that refuses it ({@link ScreenTapRefusal}) closes the
 * splice, and the chunk is dropped. Thread-safe.
 */
public final class Splice {
    private static final Logger LOG = LoggerFactory.getLogger(Splice.class);

    private final ScreenContext context;
    private final List<ScreenTap> taps;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Consumer<String>> closeListeners = new CopyOnWriteArrayList<>();
    private volatile SpliceEnd viewer;
    private volatile SpliceEnd agent;
    private volatile Pump toAgent;
    private volatile Pump toViewer;
    private volatile String closeCause;

    Splice(ScreenContext context, List<ScreenTap> taps) {
        this.context = context;
        this.taps = new CopyOnWriteArrayList<>(taps);
    }

    public ScreenContext context() {
        return context;
    }

    /** Why the splice closed, or null while open. */
    public String closeCause() {
        return closeCause;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Called once with the cause after the splice closed. */
    public void onClose(Consumer<String> listener) {
        closeListeners.add(listener);
        if (closed.get()) {
            listener.accept(closeCause);
        }
    }

    /** Bytes the viewer wrote so far that reached the agent, and the other way. */
    public long bytesToAgent() {
        Pump p = toAgent;
        return p == null ? 0 : p.forwarded();
    }

    public long bytesToViewer() {
        Pump p = toViewer;
        return p == null ? 0 : p.forwarded();
    }

    void attachAgent(SpliceEnd end) {
        agent = end;
        toViewer =
                new Pump("agent->viewer " + context.sessionId(), end.receiveWindow(), this::close, this::eofToViewer);
    }

    void attachViewer(SpliceEnd end) {
        viewer = end;
        toAgent = new Pump("viewer->agent " + context.sessionId(), end.receiveWindow(), this::close, this::eofToAgent);
    }

    /** Both channels are open: start moving bytes. */
    void start() {
        ChannelAsyncOutputStream toAgentOut = agent.output();
        ChannelAsyncOutputStream toViewerOut = viewer.output();
        toAgent.attach(toAgentOut);
        toViewer.attach(toViewerOut);
    }

    void fromViewer(byte[] data, int offset, int length) {
        Pump p = toAgent;
        if (p == null) {
            return;
        }
        for (ScreenTap t : taps) {
            if (closed.get()) {
                break;
            }
            tap(t, () -> t.viewerToAgent(data, offset, length));
        }
        // After a refusal the pump discards: the chunk is dropped, its window released.
        p.data(data, offset, length);
    }

    void fromAgent(byte[] data, int offset, int length) {
        Pump p = toViewer;
        if (p == null) {
            return;
        }
        for (ScreenTap t : taps) {
            if (closed.get()) {
                break;
            }
            tap(t, () -> t.agentToViewer(data, offset, length));
        }
        p.data(data, offset, length);
    }

    void eofFromViewer() {
        Pump p = toAgent;
        if (p != null) {
            p.eof();
        }
    }

    void eofFromAgent() {
        Pump p = toViewer;
        if (p != null) {
            p.eof();
        }
    }

    /** Closes both channels now; later calls do nothing. */
    public void close(String cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeCause = cause;
        LOG.debug("closing screen channel of session {}: {}", context.sessionId(), cause);
        for (Pump p : new Pump[] {toAgent, toViewer}) {
            if (p != null) {
                p.discard();
            }
        }
        for (SpliceEnd end : new SpliceEnd[] {viewer, agent}) {
            if (end != null && end.output() != null) {
                end.output().close(true);
            }
        }
        for (SpliceEnd end : new SpliceEnd[] {viewer, agent}) {
            if (end != null) {
                end.close(false);
            }
        }
        for (ScreenTap t : taps) {
            tap(t, () -> t.closed(cause));
        }
        for (Consumer<String> l : closeListeners) {
            try {
                l.accept(cause);
            } catch (RuntimeException e) {
                LOG.warn("screen close listener failed: {}", e.toString());
            }
        }
    }

    private void eofToAgent() {
        sendEof(agent);
    }

    private void eofToViewer() {
        sendEof(viewer);
    }

    private void sendEof(SpliceEnd end) {
        try {
            if (end != null) {
                end.sendEofToPeer();
            }
        } catch (IOException e) {
            close("EOF could not be sent to " + end.describe() + ": " + e.getMessage());
        }
    }

    private void tap(ScreenTap t, Runnable call) {
        try {
            call.run();
        } catch (ScreenTapRefusal refusal) {
            LOG.warn(
                    "screen channel of session {} refused by {}: {}",
                    context.sessionId(),
                    name(t),
                    refusal.getMessage());
            close(refusal.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("screen tap {} failed and is dropped: {}", name(t), e.toString());
            taps.remove(t);
        }
    }

    private static String name(ScreenTap t) {
        return t.getClass().getName().substring(t.getClass().getPackageName().length() + 1);
    }
}
