package dev.fieldlink.auth.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.auth.PrivateFiles;
import dev.fieldlink.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the console's tokens as JSON in {@code <directory>/tokens.json} (the console passes its per-user
 * configuration directory, one per relay profile). Every save replaces the file atomically with mode 0600; a file
 * that group or others may access is refused. A damaged file counts as signed out.
 *
 * <p>Thread-safe within one process.
 */
public final class FileTokenStore implements TokenStore {
    /** The file name inside the directory. */
    public static final String FILE_NAME = "tokens.json";

    private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);
    private static final long MAX_SIZE = 64 * 1024;

    private final Path file;
    private final ObjectMapper json = Json.mapper();

    public FileTokenStore(Path directory) {
        this.file = Objects.requireNonNull(directory, "directory").resolve(FILE_NAME);
    }

    /** The file this store writes. */
    public Path file() {
        return file;
    }

    /**
     * @throws IllegalStateException if the file is accessible by group or others
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    @Override
    public synchronized Optional<StoredTokens> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        PrivateFiles.requireOwnerOnly(file);
        try {
            if (Files.size(file) > MAX_SIZE) {
                LOG.warn("Ignoring {}: larger than {} bytes", file, MAX_SIZE);
                return Optional.empty();
            }
            return Optional.of(json.readValue(Files.readAllBytes(file), StoredTokens.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JacksonException e) {
            // Never log the content or the parser's message: both may contain token text.
            LOG.warn("Ignoring {}: not a valid token file", file);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    @Override
    public synchronized void save(StoredTokens tokens) {
        Objects.requireNonNull(tokens, "tokens");
        try {
            PrivateFiles.writeAtomically(file, json.writeValueAsBytes(tokens));
        } catch (JacksonException e) {
            throw new IllegalStateException("Could not serialise the tokens", e);
        }
    }

    @Override
    public synchronized void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file + "]";
    }
}
