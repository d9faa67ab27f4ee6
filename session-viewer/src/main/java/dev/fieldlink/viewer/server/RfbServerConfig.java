package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.ProtocolVersion;
import dev.fieldlink.viewer.rfb.RfbLimits;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * How an {@link RfbServer} serves. Immutable; start from {@link #defaults(String)}.
 *
 * @param desktopName sent in ServerInit
 * @param password VNC Authentication password supplier, or null for security type None (the relay authenticates)
 * @param version the highest protocol version to announce (clients may pick 3.3, 3.7 or 3.8 below it)
 * @param maxFramesPerSecond upper bound on updates per second per client
 * @param limits caps on what a client may send
 * @param clock time source for rate limiting
 * @param listener session events (client messages for the operator's mirror), may be a no-op
 */
public record RfbServerConfig(
        String desktopName,
        Supplier<char[]> password,
        ProtocolVersion version,
        int maxFramesPerSecond,
        RfbLimits limits,
        Clock clock,
        RfbServerListener listener) {

    public RfbServerConfig {
        if (maxFramesPerSecond < 1 || maxFramesPerSecond > 1000) {
            throw new IllegalArgumentException("maxFramesPerSecond must be 1..1000, was " + maxFramesPerSecond);
        }
    }

    /** None security, RFB 3.8, 30 frames/s, default limits, system clock, no listener. */
    public static RfbServerConfig defaults(String desktopName) {
        return new RfbServerConfig(
                desktopName,
                null,
                ProtocolVersion.V3_8,
                30,
                RfbLimits.DEFAULT,
                Clock.systemUTC(),
                new RfbServerListener() {});
    }

    public RfbServerConfig withPassword(Supplier<char[]> p) {
        return new RfbServerConfig(desktopName, p, version, maxFramesPerSecond, limits, clock, listener);
    }

    public RfbServerConfig withVersion(ProtocolVersion v) {
        return new RfbServerConfig(desktopName, password, v, maxFramesPerSecond, limits, clock, listener);
    }

    public RfbServerConfig withMaxFramesPerSecond(int fps) {
        return new RfbServerConfig(desktopName, password, version, fps, limits, clock, listener);
    }

    public RfbServerConfig withListener(RfbServerListener l) {
        return new RfbServerConfig(desktopName, password, version, maxFramesPerSecond, limits, clock, l);
    }

    public RfbServerConfig withLimits(RfbLimits l) {
        return new RfbServerConfig(desktopName, password, version, maxFramesPerSecond, l, clock, listener);
    }
}
