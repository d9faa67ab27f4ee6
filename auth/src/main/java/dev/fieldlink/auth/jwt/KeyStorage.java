package dev.fieldlink.auth.jwt;

import java.util.Optional;

/**
 * Where {@link SigningKeys} keeps its key pairs: a JWK set in JSON, private parts included, current key first. The
 * content is a secret. Implementations must be thread-safe and replace the content atomically.
 */
public interface KeyStorage {
    /**
     * The saved JWK set, or empty if nothing was saved yet.
     *
     * @throws java.io.UncheckedIOException or {@link IllegalStateException} if the storage exists but cannot be
     *     read safely
     */
    Optional<String> load();

    /** Replaces the saved JWK set. */
    void save(String privateJwkSetJson);
}
