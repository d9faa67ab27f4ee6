package dev.fieldlink.relay.screen;

/**
 * Sees every byte of one screen channel, in order per direction: the recorder, the input audit and the metrics listen
 * here; the splice does not know what they do. Methods are called on network threads, one at a time per direction:
 * they must be quick, must not block on the network, must not keep the array, and must not throw (a failure is
 * logged and the tap is dropped), except {@link ScreenTapRefusal}: a tap that throws it from a data method closes the
 * channel, and that chunk is not forwarded. A tap sees each chunk before it is forwarded. All methods default to doing
 * nothing.
 */
public interface ScreenTap {
    /** Bytes from the viewer (technician) to the machine: the RFB client-to-server stream. */
    default void viewerToAgent(byte[] data, int offset, int length) {}

    /** Bytes from the machine to the viewer: the RFB server-to-client stream. */
    default void agentToViewer(byte[] data, int offset, int length) {}

    /** The channel closed; {@code cause} says why. Called once, after the last data. */
    default void closed(String cause) {}
}
