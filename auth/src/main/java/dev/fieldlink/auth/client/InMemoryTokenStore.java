package dev.fieldlink.auth.client;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link TokenStore} that keeps tokens only for the life of the process (sandbox, tests, CLI one-shots). */
public final class InMemoryTokenStore implements TokenStore {
    private final AtomicReference<StoredTokens> tokens = new AtomicReference<>();

    @Override
    public Optional<StoredTokens> load() {
        return Optional.ofNullable(tokens.get());
    }

    @Override
    public void save(StoredTokens tokens) {
        this.tokens.set(Objects.requireNonNull(tokens, "tokens"));
    }

    @Override
    public void clear() {
        tokens.set(null);
    }
}
