package dev.fieldlink.auth.jwt;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link KeyStorage} in memory, for tests and the sandbox (keys are thrown away with the process). */
public final class InMemoryKeyStorage implements KeyStorage {
    private final AtomicReference<String> content = new AtomicReference<>();

    @Override
    public Optional<String> load() {
        return Optional.ofNullable(content.get());
    }

    @Override
    public void save(String privateJwkSetJson) {
        content.set(privateJwkSetJson);
    }

    @Override
    public String toString() {
        return "InMemoryKeyStorage";
    }
}
