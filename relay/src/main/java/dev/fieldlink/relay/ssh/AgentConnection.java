package dev.fieldlink.relay.ssh;

import dev.fieldlink.protocol.control.ControlCodec;
import dev.fieldlink.protocol.control.ControlMessage;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.channel.ChannelSession;

/** One agent's live connection and its control channel. Thread-safe. */
final class AgentConnection {
    private final String machineId;
    private final Session session;
    private final ChannelSession control;
    private final ControlWriter writer;
    private final ControlCodec codec;
    private volatile ControlMessage.Hello hello;

    AgentConnection(
            String machineId, Session session, ChannelSession control, ControlWriter writer, ControlCodec codec) {
        this.machineId = machineId;
        this.session = session;
        this.control = control;
        this.writer = writer;
        this.codec = codec;
    }

    String machineId() {
        return machineId;
    }

    Session session() {
        return session;
    }

    ControlMessage.Hello hello() {
        return hello;
    }

    void hello(ControlMessage.Hello h) {
        hello = h;
    }

    /** Queues a message; false if the connection is closing or its queue overflowed. */
    boolean send(ControlMessage message) {
        if (!session.isOpen() || control.isClosing()) {
            return false;
        }
        return writer.write(codec.encode(message));
    }

    /** Closes the whole connection now. */
    void close() {
        session.close(true);
    }

    boolean isOpen() {
        return session.isOpen() && !control.isClosing();
    }
}
