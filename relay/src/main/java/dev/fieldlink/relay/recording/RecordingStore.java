package dev.fieldlink.relay.recording;

import dev.fieldlink.relay.screen.ScreenContext;
import dev.fieldlink.relay.screen.ScreenTap;
import dev.fieldlink.relay.screen.ScreenTapFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recording files in one directory, one per screen channel ({@code <session>-<segment><ext>}), and their metadata.
 * As a {@link ScreenTapFactory} it records every screen channel: bytes are written while they stream, flushed at least
 * every second, and the size is stored when the channel closes. A recording that fails (disk full) stops; the screen
 * channel goes on and the failure is logged. Thread-safe.
 */
public final class RecordingStore implements ScreenTapFactory {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingStore.class);
    private static final long FLUSH_EVERY_MS = 1000;

    private final Path directory;
    private final RecordingRepository repository;
    private final RecordingFormat format;
    private final Clock clock;
    private final Duration retention;

    public RecordingStore(
            Path directory, RecordingRepository repository, RecordingFormat format, Clock clock, Duration retention) {
        this.directory = directory;
        this.repository = repository;
        this.format = format;
        this.clock = clock;
        this.retention = retention;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the recordings directory " + directory, e);
        }
    }

    public RecordingFormat format() {
        return format;
    }

    /** The file of a segment, if it exists. */
    public Optional<Path> file(RecordingInfo info) {
        Path p = directory.resolve(info.fileName());
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public ScreenTap open(ScreenContext context) {
        RecordingInfo info = repository.start(context.sessionId(), clock.instant(), format.extension());
        try {
            RecordingWriter writer = format.create(directory.resolve(info.fileName()));
            return new Tap(info, writer);
        } catch (IOException e) {
            LOG.error("cannot start recording {}: {}", info.fileName(), e.toString());
            return null;
        }
    }

    /**
     * Deletes recordings older than the retention (none if the retention is zero).
     *
     * @return how many were deleted
     */
    public int purge() {
        if (retention.isZero()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(retention);
        int n = 0;
        for (RecordingInfo r : repository.olderThan(cutoff)) {
            try {
                Files.deleteIfExists(directory.resolve(r.fileName()));
                repository.markDeleted(r.sessionId(), r.segment(), clock.instant());
                n++;
            } catch (IOException e) {
                LOG.warn("cannot delete recording {}: {}", r.fileName(), e.toString());
            }
        }
        return n;
    }

    private final class Tap implements ScreenTap {
        private final RecordingInfo info;
        private final RecordingWriter writer;
        private boolean failed;
        private long lastFlush = System.nanoTime();

        Tap(RecordingInfo info, RecordingWriter writer) {
            this.info = info;
            this.writer = writer;
        }

        @Override
        public synchronized void viewerToAgent(byte[] data, int offset, int length) {
            if (!failed) {
                write(() -> writer.clientToServer(clock.instant(), data, offset, length));
            }
        }

        @Override
        public synchronized void agentToViewer(byte[] data, int offset, int length) {
            if (!failed) {
                write(() -> writer.serverToClient(clock.instant(), data, offset, length));
            }
        }

        @Override
        public synchronized void closed(String cause) {
            try {
                writer.close(cause == null ? "" : cause);
            } catch (IOException e) {
                LOG.warn("recording {} did not close cleanly: {}", info.fileName(), e.toString());
            }
            try {
                repository.finish(info.sessionId(), info.segment(), writer.size(), clock.instant());
            } catch (RuntimeException e) {
                LOG.error("cannot store the size of recording {}: {}", info.fileName(), e.toString());
            }
        }

        private void write(IoAction action) {
            try {
                action.run();
                long now = System.nanoTime();
                if (now - lastFlush > FLUSH_EVERY_MS * 1_000_000L) {
                    writer.flush();
                    lastFlush = now;
                }
            } catch (IOException | RuntimeException e) {
                failed = true;
                LOG.error("recording {} stopped: {}", info.fileName(), e.toString());
            }
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
