package dev.fieldlink.console.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset a test can move forward: time runs as usual (sessions count down, consent delays
 * pass), and {@link #nextTotpStep()} jumps into a fresh 30-second TOTP step, because the relay accepts each code
 * only once and a test signs in more often than every 30 seconds.
 */
public final class SteppingClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves into the next TOTP time step (at least 30 s later). */
    public void nextTotpStep() {
        advance(Duration.ofSeconds(31));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a UTC test clock");
    }
}
