package dev.fieldlink.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing the sandbox's temporary directory. */
final class Directories {
    private Directories() {}

    /** Deletes {@code dir} and everything in it. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the sandbox directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #delete}, ignoring failures (cleaning up after a failed start). */
    static void deleteQuietly(Path dir) {
        try {
            delete(dir);
        } catch (UncheckedIOException e) {
            // best effort: the original failure matters more
        }
    }
}
