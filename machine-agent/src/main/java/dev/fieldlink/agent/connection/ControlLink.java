package dev.fieldlink.agent.connection;

import dev.fieldlink.agent.session.RelayLink;
import dev.fieldlink.protocol.control.ControlCodec;
import dev.fieldlink.protocol.control.ControlMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live {@code fieldlink-control} channel: a reader thread decoding lines into messages, and a writer thread
 * draining a bounded queue, so that {@link #send} never blocks its caller (the session controller sends with its
 * lock held). A full queue means the relay stopped reading: the link is closed and the agent reconnects.
 */
final class ControlLink implements RelayLink {
    private static final Logger LOG = LoggerFactory.getLogger(ControlLink.class);

    /** Messages waiting to be written before the link gives up. */
    static final int QUEUE = 4096;

    private static final byte[] POISON = new byte[0];

    private final ClientSession session;
    private final ChannelSubsystem channel;
    private final ControlCodec codec;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClosed;

    ControlLink(ClientSession session, ChannelSubsystem channel, ControlCodec codec, Runnable onClosed) {
        this.session = session;
        this.channel = channel;
        this.codec = codec;
        this.onClosed = onClosed;
    }

    /** Starts the reader and writer threads. */
    void start(Consumer<ControlMessage> inbound, Consumer<String> malformed) {
        OutputStream out = channel.getInvertedIn();
        InputStream in = channel.getInvertedOut();
        Thread writer = new Thread(() -> write(out), "fieldlink-control-writer");
        Thread reader = new Thread(() -> read(in, inbound, malformed), "fieldlink-control-reader");
        writer.setDaemon(true);
        reader.setDaemon(true);
        writer.start();
        reader.start();
        channel.addCloseFutureListener(f -> close());
        session.addCloseFutureListener(f -> close());
    }

    @Override
    public boolean send(ControlMessage message) {
        if (closed.get()) {
            return false;
        }
        if (!queue.offer(codec.encode(message))) {
            LOG.warn("Relay is not reading the control channel ({} messages queued); reconnecting", QUEUE);
            close();
            return false;
        }
        return true;
    }

    boolean isOpen() {
        return !closed.get();
    }

    ClientSession session() {
        return session;
    }

    private void write(OutputStream out) {
        try {
            while (!closed.get()) {
                byte[] line = queue.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    continue;
                }
                if (line == POISON) {
                    return;
                }
                out.write(line);
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            LOG.debug("control channel write failed: {}", e.toString());
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(InputStream in, Consumer<ControlMessage> inbound, Consumer<String> malformed) {
        try {
            while (!closed.get()) {
                String line;
                try {
                    var next = ControlCodec.readLine(in, ControlMessage.MAX_RELAY_LINE_BYTES);
                    if (next.isEmpty()) {
                        break;
                    }
                    line = next.get();
                } catch (ControlCodec.MalformedMessageException e) {
                    malformed.accept(e.getMessage());
                    continue;
                }
                ControlMessage message;
                try {
                    message = codec.decode(line);
                } catch (ControlCodec.MalformedMessageException e) {
                    malformed.accept(e.getMessage());
                    continue;
                }
                try {
                    inbound.accept(message);
                } catch (RuntimeException e) {
                    LOG.error("Handling {} failed", message.getClass().getSimpleName(), e);
                }
            }
        } catch (IOException e) {
            LOG.debug("control channel read ended: {}", e.toString());
        } finally {
            close();
        }
    }

    /** Closes the channel and the SSH session at once; idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.clear();
        queue.offer(POISON);
        channel.close(true);
        session.close(true);
        onClosed.run();
    }
}
