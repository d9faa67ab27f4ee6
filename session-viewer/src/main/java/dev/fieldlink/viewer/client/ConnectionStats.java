package dev.fieldlink.viewer.client;

/**
 * Connection figures for a status bar, over the last few seconds.
 *
 * @param framesPerSecond completed framebuffer updates per second
 * @param bytesPerSecond bytes received from the server per second
 * @param roundTripMillis last measured round trip (Fence), or -1 when the server does not support it yet
 * @param bytesReceived total bytes received
 * @param updates total updates completed
 */
public record ConnectionStats(
        double framesPerSecond, double bytesPerSecond, long roundTripMillis, long bytesReceived, long updates) {}
