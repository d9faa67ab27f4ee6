package dev.fieldlink.relay.ssh;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * Queues control lines for one agent and writes them one at a time to the channel's asynchronous stream. Bounded:
 * an agent that stops reading while more than {@value #MAX_QUEUED_BYTES} bytes wait is disconnected rather than
 * allowed to fill the relay's memory. Never blocks. Thread-safe.
 */
final class ControlWriter {
    static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;

    private final IoOutputStream out;
    private final Runnable onOverflowOrFailure;
    private final Deque<byte[]> queue = new ArrayDeque<>();
    private long queued;
    private boolean writing;
    private boolean failed;

    ControlWriter(IoOutputStream out, Runnable onOverflowOrFailure) {
        this.out = out;
        this.onOverflowOrFailure = onOverflowOrFailure;
    }

    /** Queues a line; false if the writer failed or overflowed (the connection is then closed). */
    boolean write(byte[] line) {
        synchronized (this) {
            if (failed) {
                return false;
            }
            if (queued + line.length > MAX_QUEUED_BYTES) {
                failed = true;
            } else {
                queue.addLast(line);
                queued += line.length;
            }
        }
        if (isFailed()) {
            onOverflowOrFailure.run();
            return false;
        }
        drain();
        return true;
    }

    private synchronized boolean isFailed() {
        return failed;
    }

    private void drain() {
        while (true) {
            byte[] next;
            synchronized (this) {
                if (writing || failed || queue.isEmpty()) {
                    return;
                }
                next = queue.pollFirst();
                queued -= next.length;
                writing = true;
            }
            IoWriteFuture f;
            try {
                f = out.writeBuffer(new ByteArrayBuffer(next));
            } catch (IOException | RuntimeException e) {
                fail();
                return;
            }
            if (f.isDone()) {
                if (!done(f)) {
                    return;
                }
                continue;
            }
            f.addListener(x -> {
                if (done(x)) {
                    drain();
                }
            });
            return;
        }
    }

    private boolean done(IoWriteFuture f) {
        synchronized (this) {
            writing = false;
        }
        if (f.getException() != null) {
            fail();
            return false;
        }
        return true;
    }

    private void fail() {
        synchronized (this) {
            failed = true;
            queue.clear();
        }
        onOverflowOrFailure.run();
    }
}
