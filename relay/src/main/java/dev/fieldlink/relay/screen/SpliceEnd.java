package dev.fieldlink.relay.screen;

import java.io.IOException;
import org.apache.sshd.common.channel.ChannelAsyncOutputStream;
import org.apache.sshd.common.channel.LocalWindow;
import org.apache.sshd.common.future.CloseFuture;

/** One of the two channels a splice joins. */
interface SpliceEnd {
    /** Where bytes for this channel's peer are written; null until the channel is open. */
    ChannelAsyncOutputStream output();

    /** This channel's receive window, released as forwarded bytes leave through the other end. */
    LocalWindow receiveWindow();

    /** Sends EOF to this channel's peer (after the last forwarded byte). */
    void sendEofToPeer() throws IOException;

    /** Closes the channel; {@code immediately} skips the close handshake. */
    CloseFuture close(boolean immediately);

    String describe();
}
