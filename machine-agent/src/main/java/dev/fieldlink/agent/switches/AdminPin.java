package dev.fieldlink.agent.switches;

import dev.fieldlink.auth.password.PasswordHasher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The admin PIN that guards the customer switches in the operator panel. The PIN is stored only as an Argon2id
 * hash. After {@link #MAX_FAILURES} wrong PINs in a row, checks are refused for {@link #LOCKOUT} (on the injected
 * clock), so the PIN cannot be guessed at the panel.
 *
 * <p>Thread-safe. {@link #check} derives a hash (about 0.1 to 0.3 s with default parameters): never call it on the
 * event dispatch thread.
 */
public final class AdminPin {
    /** Wrong PINs in a row before the lockout. */
    public static final int MAX_FAILURES = 5;

    /** How long checks are refused after {@link #MAX_FAILURES} wrong PINs. */
    public static final Duration LOCKOUT = Duration.ofMinutes(5);

    private final String hash;
    private final PasswordHasher hasher;
    private final Clock clock;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    /**
     * @param hash the stored Argon2id hash, or null when no PIN is set (then every check fails)
     */
    public AdminPin(String hash, PasswordHasher hasher, Clock clock) {
        this.hash = hash;
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether a PIN is set and can be checked.
     */
    public boolean isSet() {
        return hash != null;
    }

    /** The answer to a PIN check. */
    public enum Result {
        ACCEPTED,
        WRONG,
        /** Too many wrong PINs; try again after the lockout. */
        LOCKED,
        /** No PIN is configured: the switches cannot be changed in the panel. */
        NOT_SET
    }

    /** Checks {@code pin} and wipes it. */
    public Result check(char[] pin) {
        try {
            if (hash == null) {
                return Result.NOT_SET;
            }
            synchronized (this) {
                if (clock.instant().isBefore(lockedUntil)) {
                    return Result.LOCKED;
                }
            }
            boolean ok = hasher.verify(pin, hash);
            synchronized (this) {
                if (ok) {
                    failures = 0;
                    return Result.ACCEPTED;
                }
                failures++;
                if (failures >= MAX_FAILURES) {
                    failures = 0;
                    lockedUntil = clock.instant().plus(LOCKOUT);
                }
                return Result.WRONG;
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * Checks the form of a new PIN: 6 to 12 digits.
     *
     * @throws IllegalArgumentException saying what is wrong (never echoing the PIN)
     */
    public static void requireValidNewPin(char[] pin) {
        if (pin.length < 6 || pin.length > 12) {
            throw new IllegalArgumentException("the admin PIN must have 6 to 12 digits");
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("the admin PIN must consist of digits only");
            }
        }
    }

    @Override
    public String toString() {
        return "AdminPin[" + (hash == null ? "unset" : "set") + "]";
    }
}
