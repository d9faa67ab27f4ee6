package dev.fieldlink.viewer.recording;

import dev.fieldlink.viewer.rfb.PixelFormat;

/**
 * The header of a recording file.
 *
 * @param startEpochMillis when the recording started (Unix epoch milliseconds)
 * @param sessionId the Fieldlink session id
 * @param rfbMinorVersion 3, 7 or 8; 0 when the handshake was not seen
 * @param width initial framebuffer width from ServerInit, 0 if unknown
 * @param height initial framebuffer height from ServerInit, 0 if unknown
 * @param pixelFormat the server's pixel format from ServerInit, null if unknown
 * @param desktopName from ServerInit, empty if unknown
 */
public record RecordingHeader(
        long startEpochMillis,
        String sessionId,
        int rfbMinorVersion,
        int width,
        int height,
        PixelFormat pixelFormat,
        String desktopName) {}
