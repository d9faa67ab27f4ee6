package dev.fieldlink.relay.recording;

import java.time.Instant;

/**
 * Metadata of one recording segment.
 *
 * @param segment 1 for the first screen channel of the session, 2 for the next, ...
 * @param bytes the file's size when last updated
 * @param finishedAt null while still recording (or if the relay stopped without closing it)
 */
public record RecordingInfo(
        String sessionId, int segment, String fileName, long bytes, Instant startedAt, Instant finishedAt) {}
