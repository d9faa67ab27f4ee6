package dev.fieldlink.relay;

import dev.fieldlink.protocol.BuildVersion;
import dev.fieldlink.relay.config.RelaySettings;
import java.time.Clock;

/**
 * Starts a relay: the HTTPS API, the SSH endpoint and everything behind them, in this process. {@code fieldlink-relay
 * serve} and the sandbox both start it this way.
 *
 * <pre>{@code
 * try (RunningRelay relay = Relay.start(RelaySettings.ephemeral(tempDir).build(), clock)) {
 *     relay.admin().addMachine(...);
 *     int https = relay.httpsPort(), ssh = relay.sshPort();
 * }
 * }</pre>
 */
public final class Relay {
    private Relay() {}

    /** Starts with the system clock (UTC). */
    public static RunningRelay start(RelaySettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /**
     * Starts with an injected clock: session deadlines, token expiry and TOTP windows follow it; tests move it
     * instead of waiting.
     *
     * @throws IllegalStateException or {@link java.io.UncheckedIOException} naming what failed (port in use,
     *     database unreachable, unreadable key); nothing stays running then
     */
    public static RunningRelay start(RelaySettings settings, Clock clock) {
        return RunningRelay.start(RelayCore.open(settings, clock));
    }

    /** Starts with a database schema of its own (tests sharing one PostgreSQL database). */
    public static RunningRelay start(RelaySettings settings, Clock clock, String schema) {
        return RunningRelay.start(RelayCore.open(settings, clock, schema));
    }

    /** The relay's version, from the jar manifest ({@code dev} when run from classes). */
    public static String version() {
        return BuildVersion.of(Relay.class);
    }
}
