package dev.fieldlink.relay.screen;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.sshd.common.channel.ChannelAsyncOutputStream;
import org.apache.sshd.common.channel.LocalWindow;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves bytes that arrive on one channel to the other channel's asynchronous output, one write at a time (a second
 * write while one is pending would fail). The source's receive window is released only when a write completed, so
 * a slow reader slows the writer down and the queue never holds more than one window. Never blocks; loops instead of
 * recursing when writes complete at once. After {@link #discard()} incoming bytes are dropped but their window is
 * still released, so the sender never stalls while the splice closes. Thread-safe.
 */
final class Pump {
    private static final Logger LOG = LoggerFactory.getLogger(Pump.class);

    /** Receives a failure of this pump (the splice then closes). */
    interface FailureHandler {
        void failed(String cause);
    }

    private final String name;
    private final LocalWindow sourceWindow;
    private final FailureHandler onFailure;
    private final Runnable onDrainedAfterEof;
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private ChannelAsyncOutputStream sink;
    private boolean writing;
    private boolean discarding;
    private boolean eof;
    private boolean eofForwarded;
    private long forwarded;

    Pump(String name, LocalWindow sourceWindow, FailureHandler onFailure, Runnable onDrainedAfterEof) {
        this.name = name;
        this.sourceWindow = sourceWindow;
        this.onFailure = onFailure;
        this.onDrainedAfterEof = onDrainedAfterEof;
    }

    /** Starts writing to {@code out}; bytes that arrived before are written first. */
    void attach(ChannelAsyncOutputStream out) {
        synchronized (this) {
            sink = out;
        }
        drain();
    }

    /** Bytes arrived from the source; they are copied, the caller keeps its array. */
    void data(byte[] data, int offset, int length) {
        if (length <= 0) {
            return;
        }
        boolean drop;
        synchronized (this) {
            drop = discarding || eof;
            if (!drop) {
                byte[] copy = new byte[length];
                System.arraycopy(data, offset, copy, 0, length);
                queue.addLast(copy);
            }
        }
        if (drop) {
            release(length);
        } else {
            drain();
        }
    }

    /** The source sent EOF: forward it once everything before it was written. */
    void eof() {
        synchronized (this) {
            eof = true;
        }
        drain();
    }

    /** Drops what is queued and everything that still comes; releases its window. */
    void discard() {
        long dropped = 0;
        synchronized (this) {
            discarding = true;
            for (byte[] b : queue) {
                dropped += b.length;
            }
            queue.clear();
        }
        if (dropped > 0) {
            release(dropped);
        }
    }

    /** Bytes written to the sink so far. */
    synchronized long forwarded() {
        return forwarded;
    }

    private void drain() {
        while (true) {
            byte[] next;
            ChannelAsyncOutputStream out;
            boolean forwardEof = false;
            synchronized (this) {
                if (writing || sink == null || discarding) {
                    return;
                }
                next = queue.pollFirst();
                if (next == null) {
                    if (eof && !eofForwarded) {
                        eofForwarded = true;
                        forwardEof = true;
                    } else {
                        return;
                    }
                } else {
                    writing = true;
                }
                out = sink;
            }
            if (forwardEof) {
                onDrainedAfterEof.run();
                return;
            }
            IoWriteFuture f;
            try {
                f = out.writeBuffer(new ByteArrayBuffer(next));
            } catch (IOException | RuntimeException e) {
                written(next.length, e);
                onFailure.failed(name + " write failed: " + e.getMessage());
                return;
            }
            if (f.isDone()) {
                if (!written(next.length, f.getException())) {
                    return;
                }
                continue;
            }
            byte[] sent = next;
            f.addListener(done -> {
                if (written(sent.length, done.getException())) {
                    drain();
                }
            });
            return;
        }
    }

    /** Books a completed write; false if it failed (the splice is told). */
    private boolean written(int length, Throwable failure) {
        synchronized (this) {
            writing = false;
            if (failure == null) {
                forwarded += length;
            }
        }
        release(length);
        if (failure != null) {
            onFailure.failed(name + " write failed: " + failure.getMessage());
            return false;
        }
        return true;
    }

    private void release(long length) {
        try {
            if (sourceWindow.isOpen()) {
                sourceWindow.release(length);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: window release after close ignored: {}", name, e.toString());
        }
    }
}
