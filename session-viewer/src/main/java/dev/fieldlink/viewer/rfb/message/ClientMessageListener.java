package dev.fieldlink.viewer.rfb.message;

/** Receives parsed client messages in stream order, on the thread that fed the reader. */
@FunctionalInterface
public interface ClientMessageListener {
    void message(ClientMessage message);
}
