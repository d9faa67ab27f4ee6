package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.PixelConverter;
import dev.fieldlink.viewer.rfb.RfbLimits;

/** What every rectangle decoder needs: target, pixel format, limits and reusable scratch buffers. */
final class DecodeContext {
    final Framebuffer fb;
    final RfbLimits limits;
    final DecodeStats stats;
    PixelConverter pixels;
    private byte[] bytes = new byte[8192];
    private int[] ints = new int[4096];

    DecodeContext(Framebuffer fb, PixelConverter pixels, RfbLimits limits, DecodeStats stats) {
        this.fb = fb;
        this.pixels = pixels;
        this.limits = limits;
        this.stats = stats;
    }

    /** A scratch byte array of at least {@code n} bytes (callers have checked {@code n} against a limit). */
    byte[] bytes(int n) {
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        return bytes;
    }

    int[] ints(int n) {
        if (ints.length < n) {
            ints = new int[Math.max(n, ints.length * 2)];
        }
        return ints;
    }
}
