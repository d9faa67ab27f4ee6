package dev.fieldlink.relay.recording;

import java.io.IOException;
import java.nio.file.Path;

/** A recording file format: how to write it and how to serve it. Implementations are thread-safe. */
public interface RecordingFormat {
    /** The file name extension, with its dot. */
    String extension();

    /** The media type served on download. */
    String mediaType();

    /** Starts writing a new file. */
    RecordingWriter create(Path file) throws IOException;
}
