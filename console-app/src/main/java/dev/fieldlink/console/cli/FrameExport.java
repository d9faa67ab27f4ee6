package dev.fieldlink.console.cli;

import dev.fieldlink.viewer.recording.ReplayPlayer;
import dev.fieldlink.viewer.rfb.RfbException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Writes a recording's frames as PNG files, one per interval of recording time from 0 to the end, named as {@link
 * ReplayPlayer#exportFrames} names them. Decodes on the calling thread.
 */
final class FrameExport {
    /** @param error why the recording stopped decoding early (frames after it repeat the last picture), or null */
    record Result(int frames, Duration duration, String error) {}

    private FrameExport() {}

    static Result write(Path recording, Path dir, Duration every, Clock clock) {
        try (ReplayPlayer player = ReplayPlayer.open(recording, clock)) {
            int frames = player.exportFrames(dir, every).size();
            RfbException error = player.error();
            return new Result(
                    frames,
                    player.duration(),
                    error == null ? null : "The recording could not be decoded past an error: " + error.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("The recording cannot be replayed: " + e.getMessage(), e);
        }
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
