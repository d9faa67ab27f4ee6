package dev.fieldlink.viewer.client;

import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.RfbLimits;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * How an {@link RfbClient} connects. Immutable; start from {@link #defaults()} and use the {@code with...} methods.
 *
 * @param password supplies the VNC password when the server asks for VNC Authentication; {@code null} refuses it.
 *     The returned array is wiped after use.
 * @param shared ClientInit shared flag
 * @param encodings encodings in order of preference; only those listed are advertised
 * @param pixelFormat the format to ask the server for, or {@code null} to keep the server's
 * @param compressLevel zlib level 0-9 advertised to the server, or -1 for none
 * @param jpegQuality JPEG quality 0-9 advertised (enables Tight JPEG), or -1 for none (lossless only)
 * @param cursorShape advertise the Cursor pseudo-encoding (the server sends the shape, we draw it locally)
 * @param autoRequest after each update, ask for the next (incremental) one
 */
public record RfbClientConfig(
        Supplier<char[]> password,
        boolean shared,
        List<Integer> encodings,
        PixelFormat pixelFormat,
        int compressLevel,
        int jpegQuality,
        boolean cursorShape,
        boolean autoRequest,
        RfbLimits limits,
        Clock clock) {

    /** Every encoding we decode, best first. */
    public static final List<Integer> ALL_ENCODINGS = List.of(
            Encodings.COPY_RECT, Encodings.ZRLE, Encodings.TIGHT, Encodings.HEXTILE, Encodings.RRE, Encodings.RAW);

    public RfbClientConfig {
        encodings = List.copyOf(encodings);
        if (compressLevel < -1 || compressLevel > 9 || jpegQuality < -1 || jpegQuality > 9) {
            throw new IllegalArgumentException("compress level and JPEG quality are -1 or 0..9");
        }
    }

    public static RfbClientConfig defaults() {
        return new RfbClientConfig(
                null,
                true,
                ALL_ENCODINGS,
                PixelFormat.RGB888_LE,
                2,
                -1,
                true,
                true,
                RfbLimits.DEFAULT,
                Clock.systemUTC());
    }

    public RfbClientConfig withPassword(Supplier<char[]> p) {
        return new RfbClientConfig(
                p, shared, encodings, pixelFormat, compressLevel, jpegQuality, cursorShape, autoRequest, limits, clock);
    }

    public RfbClientConfig withEncodings(List<Integer> e) {
        return new RfbClientConfig(
                password, shared, e, pixelFormat, compressLevel, jpegQuality, cursorShape, autoRequest, limits, clock);
    }

    public RfbClientConfig withPixelFormat(PixelFormat pf) {
        return new RfbClientConfig(
                password, shared, encodings, pf, compressLevel, jpegQuality, cursorShape, autoRequest, limits, clock);
    }

    public RfbClientConfig withJpegQuality(int q) {
        return new RfbClientConfig(
                password, shared, encodings, pixelFormat, compressLevel, q, cursorShape, autoRequest, limits, clock);
    }

    public RfbClientConfig withCompressLevel(int c) {
        return new RfbClientConfig(
                password, shared, encodings, pixelFormat, c, jpegQuality, cursorShape, autoRequest, limits, clock);
    }

    public RfbClientConfig withCursorShape(boolean c) {
        return new RfbClientConfig(
                password, shared, encodings, pixelFormat, compressLevel, jpegQuality, c, autoRequest, limits, clock);
    }

    public RfbClientConfig withAutoRequest(boolean a) {
        return new RfbClientConfig(
                password, shared, encodings, pixelFormat, compressLevel, jpegQuality, cursorShape, a, limits, clock);
    }

    public RfbClientConfig withClock(Clock c) {
        return new RfbClientConfig(
                password,
                shared,
                encodings,
                pixelFormat,
                compressLevel,
                jpegQuality,
                cursorShape,
                autoRequest,
                limits,
                c);
    }

    public RfbClientConfig withLimits(RfbLimits l) {
        return new RfbClientConfig(
                password,
                shared,
                encodings,
                pixelFormat,
                compressLevel,
                jpegQuality,
                cursorShape,
                autoRequest,
                l,
                clock);
    }

    /** The full SetEncodings list: encodings, then the pseudo-encodings we handle. */
    public List<Integer> advertisedEncodings() {
        List<Integer> all = new java.util.ArrayList<>(encodings);
        all.add(Encodings.DESKTOP_SIZE);
        all.add(Encodings.EXTENDED_DESKTOP_SIZE);
        all.add(Encodings.LAST_RECT);
        all.add(Encodings.DESKTOP_NAME);
        all.add(Encodings.FENCE);
        if (cursorShape) {
            all.add(Encodings.CURSOR);
        }
        if (compressLevel >= 0) {
            all.add(Encodings.compressLevel(compressLevel));
        }
        if (jpegQuality >= 0) {
            all.add(Encodings.qualityLevel(jpegQuality));
        }
        return all;
    }
}
