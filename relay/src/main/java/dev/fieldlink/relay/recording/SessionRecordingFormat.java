package dev.fieldlink.relay.recording;

import dev.fieldlink.viewer.recording.RecorderOptions;
import dev.fieldlink.viewer.recording.SessionRecorder;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

/**
 * Recordings in the session-viewer's format ({@code FLRFBREC}, see the viewer's recording documentation): every
 * chunk of both directions with its time, CRC-protected records flushed one by one (readable up to the last complete
 * record after a crash), and keyframes, so the console's replay player can seek. Times follow the relay's clock.
 * Thread-safe.
 */
public final class SessionRecordingFormat implements RecordingFormat {
    /** File name extension of recordings. */
    public static final String EXTENSION = ".flrec";

    /** Media type served on download. */
    public static final String MEDIA_TYPE = "application/vnd.fieldlink.recording";

    private final Clock clock;
    private final RecorderOptions options;

    public SessionRecordingFormat(Clock clock, RecorderOptions options) {
        this.clock = clock;
        this.options = options;
    }

    @Override
    public String extension() {
        return EXTENSION;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public RecordingWriter create(Path file) throws IOException {
        String name = file.getFileName().toString();
        String sessionId = name.substring(0, Math.max(0, name.lastIndexOf('-')));
        CountingStream out = new CountingStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 64 * 1024));
        SessionRecorder recorder = new SessionRecorder(out, sessionId, clock, options);
        return new RecordingWriter() {
            @Override
            public void clientToServer(Instant at, byte[] data, int offset, int length) throws IOException {
                recorder.clientToServer(data, offset, length);
            }

            @Override
            public void serverToClient(Instant at, byte[] data, int offset, int length) throws IOException {
                recorder.serverToClient(data, offset, length);
            }

            @Override
            public void flush() {
                // The recorder flushes after every record.
            }

            @Override
            public long size() {
                return out.count();
            }

            @Override
            public void close(String reason) throws IOException {
                recorder.close(reason);
            }

            @Override
            public void close() throws IOException {
                recorder.close("");
            }
        };
    }

    /** Counts what reaches the file. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private volatile long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }
}
