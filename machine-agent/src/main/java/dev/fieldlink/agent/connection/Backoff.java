package dev.fieldlink.agent.connection;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: {@code initial x 2^attempt}, capped at {@code max}, each drawn uniformly from the upper half of
 * that value ("equal jitter") so that a fleet of agents does not reconnect in step after a relay restart.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random values in {@code [0, 1)} */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The delay before attempt {@code attempt + 1}, where attempt 0 follows the first failure. */
    public Duration delay(int attempt) {
        long ceiling = initial.toMillis();
        for (int i = 0; i < attempt && ceiling < max.toMillis(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }
}
