package dev.fieldlink.viewer.rfb;

/**
 * Caps on everything a peer may make us allocate or process. A value above a cap ends the connection with an {@link
 * RfbException} of kind {@link RfbException.Kind#LIMIT} naming the field and the value.
 *
 * @param maxWidth largest framebuffer width in pixels
 * @param maxHeight largest framebuffer height in pixels
 * @param maxPixels largest framebuffer area in pixels (width times height)
 * @param maxCutTextBytes largest clipboard transfer in bytes, either direction
 * @param maxNameBytes largest desktop name in bytes
 * @param maxCompressedBytes largest compressed payload of one rectangle (ZRLE, Tight) in bytes
 * @param maxEncodings largest number of encodings in one SetEncodings message
 * @param maxCursorSize largest cursor width or height in pixels
 * @param maxBufferedBytes largest amount a push-style parser buffers while waiting for the rest of a unit
 */
public record RfbLimits(
        int maxWidth,
        int maxHeight,
        long maxPixels,
        int maxCutTextBytes,
        int maxNameBytes,
        int maxCompressedBytes,
        int maxEncodings,
        int maxCursorSize,
        int maxBufferedBytes) {

    /** 8K desktop, 1 MiB clipboard, 4 KiB name, 32 MiB per compressed rectangle. */
    public static final RfbLimits DEFAULT =
            new RfbLimits(8192, 8192, 7680L * 4320, 1 << 20, 4096, 32 << 20, 1024, 256, 80 << 20);

    public RfbLimits {
        if (maxWidth <= 0 || maxHeight <= 0 || maxPixels <= 0 || maxCutTextBytes < 0 || maxNameBytes < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (maxCompressedBytes <= 0 || maxEncodings <= 0 || maxCursorSize <= 0 || maxBufferedBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Checks a framebuffer size a peer announced. */
    public void checkDesktopSize(String what, int width, int height) throws RfbException {
        if (width <= 0 || height <= 0) {
            throw RfbException.protocol(what + ": desktop size " + width + "x" + height + " is empty");
        }
        if (width > maxWidth || height > maxHeight || (long) width * height > maxPixels) {
            throw RfbException.limit(what + ": desktop size " + width + "x" + height + " exceeds the limit of "
                    + maxWidth + "x" + maxHeight + " (" + maxPixels + " pixels)");
        }
    }

    public RfbLimits withMaxBufferedBytes(int bytes) {
        return new RfbLimits(
                maxWidth,
                maxHeight,
                maxPixels,
                maxCutTextBytes,
                maxNameBytes,
                maxCompressedBytes,
                maxEncodings,
                maxCursorSize,
                bytes);
    }
}
