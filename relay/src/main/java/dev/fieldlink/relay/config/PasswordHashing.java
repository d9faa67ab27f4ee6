package dev.fieldlink.relay.config;

import dev.fieldlink.auth.password.PasswordHasher;

/** How expensive password hashing is: {@code standard} in production, {@code test} for tests and the sandbox. */
public enum PasswordHashing {
    /** Argon2id with {@link PasswordHasher.Parameters#DEFAULTS} (64 MiB, 3 passes). */
    STANDARD(PasswordHasher.Parameters.DEFAULTS),
    /** Argon2id with {@link PasswordHasher.Parameters#TEST}: cheap, never for real accounts. */
    TEST(PasswordHasher.Parameters.TEST);

    private final PasswordHasher.Parameters parameters;

    PasswordHashing(PasswordHasher.Parameters parameters) {
        this.parameters = parameters;
    }

    public PasswordHasher.Parameters parameters() {
        return parameters;
    }
}
