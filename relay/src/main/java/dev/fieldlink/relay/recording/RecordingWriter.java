package dev.fieldlink.relay.recording;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;

/**
 * Writes one recording file while the screen bytes stream. Calls come one at a time, in stream order per direction.
 * Not thread-safe.
 */
public interface RecordingWriter extends Closeable {
    /** Bytes from the viewer to the machine (RFB client to server). */
    void clientToServer(Instant at, byte[] data, int offset, int length) throws IOException;

    /** Bytes from the machine to the viewer (RFB server to client). */
    void serverToClient(Instant at, byte[] data, int offset, int length) throws IOException;

    /** Pushes buffered bytes to the file, so a crash loses at most what came after. */
    void flush() throws IOException;

    /** The file's size so far. */
    long size();

    /** Ends the file with a reason (why the screen channel closed) and closes it. */
    default void close(String reason) throws IOException {
        close();
    }
}
