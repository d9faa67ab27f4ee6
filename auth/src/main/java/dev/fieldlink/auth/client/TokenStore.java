package dev.fieldlink.auth.client;

import java.util.Optional;

/** Where the console keeps its tokens. Implementations are thread-safe. */
public interface TokenStore {
    /** The stored tokens, or empty if signed out. */
    Optional<StoredTokens> load();

    /** Replaces the stored tokens. */
    void save(StoredTokens tokens);

    /** Forgets the tokens (sign-out, or the relay refused the refresh token). */
    void clear();
}
