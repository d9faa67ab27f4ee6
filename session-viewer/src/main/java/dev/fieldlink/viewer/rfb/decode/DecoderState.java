package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.CursorShape;
import dev.fieldlink.viewer.rfb.PixelFormat;
import java.util.List;

/**
 * The decoder state a recording keyframe needs besides the framebuffer: pixel format, the five zlib streams (ZRLE,
 * Tight 0-3: started flag and last 32 KiB of output), cursor and desktop name.
 */
public record DecoderState(PixelFormat pixelFormat, List<Zlib> zlib, CursorShape cursor, String name) {
    public DecoderState {
        zlib = List.copyOf(zlib);
        if (zlib.size() != 5) {
            throw new IllegalArgumentException("need 5 zlib streams, got " + zlib.size());
        }
    }

    /** One zlib stream: whether it has started and its dictionary (up to 32 KiB). */
    public record Zlib(boolean started, byte[] dictionary) {}
}
