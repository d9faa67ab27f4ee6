package dev.fieldlink.relay.ssh;

import dev.fieldlink.protocol.control.ControlMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a byte stream into control lines of at most {@link ControlMessage#MAX_LINE_BYTES} (newline included). A
 * longer line is dropped up to its newline and reported as {@link Line#tooLong()}, so memory stays bounded. Each
 * line reports how many stream bytes it consumed, so the channel window can be released after it was handled. Not
 * thread-safe: one stream, one splitter.
 */
final class LineSplitter {
    /** One line (without its newline), or a dropped over-long one; {@code bytes} counts the newline too. */
    record Line(String text, boolean tooLong, int bytes) {}

    private final ByteArrayOutputStream current = new ByteArrayOutputStream(256);
    private boolean dropping;
    private int droppedBytes;

    List<Line> feed(byte[] data, int offset, int length) {
        List<Line> lines = new ArrayList<>();
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (data[i] == '\n') {
                append(data, start, i - start);
                int consumed = current.size() + droppedBytes + 1;
                if (dropping) {
                    lines.add(new Line(null, true, consumed));
                } else {
                    lines.add(new Line(current.toString(StandardCharsets.UTF_8), false, consumed));
                }
                current.reset();
                dropping = false;
                droppedBytes = 0;
                start = i + 1;
            }
        }
        append(data, start, end - start);
        return lines;
    }

    /** Bytes held for an unfinished line (dropped bytes are counted, not held). */
    int pendingBytes() {
        return current.size() + droppedBytes;
    }

    private void append(byte[] data, int from, int length) {
        if (length <= 0) {
            return;
        }
        if (dropping) {
            droppedBytes += length;
            return;
        }
        if (current.size() + length > ControlMessage.MAX_LINE_BYTES - 1) {
            dropping = true;
            droppedBytes = current.size() + length;
            current.reset();
            return;
        }
        current.write(data, from, length);
    }
}
