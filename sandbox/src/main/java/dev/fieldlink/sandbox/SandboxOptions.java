package dev.fieldlink.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a sandbox starts.
 *
 * @param clock the relay's and the agents' clock (TOTP codes, consent deadlines, session expiry)
 * @param consentDelay how long an approving or declining simulated operator waits before answering (zero: at once)
 * @param consentTimeout how long the relay waits for an operator's answer before the request expires
 * @param dataDir where the relay and the agents keep their files; null for a temporary directory that {@link
 *     RunningSandbox#close()} deletes. A given directory must be empty or absent, and is kept after close.
 */
public record SandboxOptions(Clock clock, Duration consentDelay, Duration consentTimeout, Path dataDir) {
    /** What approving operators wait before answering unless told otherwise. */
    public static final Duration DEFAULT_CONSENT_DELAY = Duration.ofSeconds(2);

    /** The sandbox's consent timeout: short, so trainees see a request expire without waiting two minutes. */
    public static final Duration DEFAULT_CONSENT_TIMEOUT = Duration.ofSeconds(30);

    public SandboxOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(consentDelay, "consentDelay");
        Objects.requireNonNull(consentTimeout, "consentTimeout");
        if (consentDelay.isNegative()) {
            throw new IllegalArgumentException("consentDelay must not be negative (found " + consentDelay + ")");
        }
        if (consentTimeout.isNegative() || consentTimeout.isZero()) {
            throw new IllegalArgumentException("consentTimeout must be positive (found " + consentTimeout + ")");
        }
    }

    /** System clock, operators answer after 2 s, requests expire after 30 s, temporary data. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(Clock.systemUTC(), DEFAULT_CONSENT_DELAY, DEFAULT_CONSENT_TIMEOUT, null);
    }

    public SandboxOptions withClock(Clock newClock) {
        return new SandboxOptions(newClock, consentDelay, consentTimeout, dataDir);
    }

    public SandboxOptions withConsentDelay(Duration newDelay) {
        return new SandboxOptions(clock, newDelay, consentTimeout, dataDir);
    }

    public SandboxOptions withConsentTimeout(Duration newTimeout) {
        return new SandboxOptions(clock, consentDelay, newTimeout, dataDir);
    }

    /** @param newDataDir null for a temporary directory */
    public SandboxOptions withDataDir(Path newDataDir) {
        return new SandboxOptions(clock, consentDelay, consentTimeout, newDataDir);
    }
}
