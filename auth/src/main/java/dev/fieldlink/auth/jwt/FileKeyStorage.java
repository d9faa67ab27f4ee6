package dev.fieldlink.auth.jwt;

import dev.fieldlink.auth.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the signing keys in one file (the relay uses {@code <data dir>/signing-keys.json}). Writes replace the file
 * atomically with mode 0600; a file that group or others may access is refused on load.
 */
public final class FileKeyStorage implements KeyStorage {
    /** Upper bound for the file: two keys take about 1 KiB. */
    private static final long MAX_SIZE = 64 * 1024;

    private final Path file;

    public FileKeyStorage(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public synchronized Optional<String> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        PrivateFiles.requireOwnerOnly(file);
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new IllegalStateException("The signing key file " + file + " is larger than " + MAX_SIZE
                        + " bytes; it is not a Fieldlink key file");
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the signing key file " + file, e);
        }
    }

    @Override
    public synchronized void save(String privateJwkSetJson) {
        PrivateFiles.writeAtomically(file, privateJwkSetJson.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "FileKeyStorage[" + file + "]";
    }
}
