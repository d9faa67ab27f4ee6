package dev.fieldlink.viewer.fuzz;

import dev.fieldlink.viewer.rfb.ChunkInput;
import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.NeedMoreInput;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbLimits;
import dev.fieldlink.viewer.rfb.decode.ServerEventSink;
import dev.fieldlink.viewer.rfb.decode.ServerStreamDecoder;
import dev.fieldlink.viewer.rfb.message.ClientMessageReader;
import dev.fieldlink.viewer.tap.RfbStreamTap;
import dev.fieldlink.viewer.tap.TapListener;
import java.io.IOException;
import java.util.List;

/**
 * The parsers fuzzed, behind one entry point: the first input byte picks the target, the rest is its input. The only
 * exception a target may throw is {@link RfbException}; memory stays bounded by the small limits used here.
 */
final class FuzzTargets {
    static final RfbLimits LIMITS = new RfbLimits(512, 512, 512 * 512, 4096, 256, 1 << 20, 64, 64, 4 << 20);
    static final List<PixelFormat> FORMATS = List.of(
            PixelFormat.RGB888_LE,
            PixelFormat.RGB888_BE,
            PixelFormat.RGB565_LE,
            PixelFormat.BGR233,
            new PixelFormat(24, 24, false, true, 255, 255, 255, 16, 8, 0));

    private FuzzTargets() {}

    /** Runs one input; returns normally or throws {@link RfbException}. */
    static void run(byte[] data) throws RfbException {
        if (data.length < 2) {
            return;
        }
        int target = data[0] & 3;
        switch (target) {
            case 0:
                serverStream(data, 2, FORMATS.get((data[1] & 0xFF) % FORMATS.size()));
                break;
            case 1:
                new ClientMessageReader(LIMITS, m -> {}).feed(data, 2, data.length - 2);
                break;
            default:
                tap(data);
        }
    }

    /** The client's decoder on a 64x48 screen, fed in chunks of varying size (exercising retries). */
    static void serverStream(byte[] data, int off, PixelFormat pf) throws RfbException {
        ServerStreamDecoder d =
                new ServerStreamDecoder(new Framebuffer(64, 48), pf, LIMITS, new ServerEventSink() {}, false);
        ChunkInput in = new ChunkInput(LIMITS.maxBufferedBytes(), "fuzz");
        int chunk = 1 + (data[1] & 0x3F);
        for (int p = off; p < data.length; p += chunk) {
            in.append(data, p, Math.min(chunk, data.length - p));
            while (in.available() > 0) {
                try {
                    d.step(in);
                } catch (NeedMoreInput e) {
                    in.reset();
                    break;
                } catch (RfbException e) {
                    throw e;
                } catch (IOException e) {
                    throw new AssertionError("unexpected " + e, e);
                }
                in.commit();
            }
        }
    }

    /** The passive tap with server decoding: bytes 1-3 give the server stream's length, then both streams. */
    static void tap(byte[] data) throws RfbException {
        if (data.length < 4) {
            return;
        }
        RfbStreamTap t = new RfbStreamTap(LIMITS, new TapListener() {}, true, null);
        int serverLength = ((data[1] & 0xFF) << 16) | ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        int split = 4 + Math.min(data.length - 4, serverLength);
        int s = 4;
        int c = split;
        while (s < split || c < data.length) {
            if (s < split) {
                int n = Math.min(7, split - s);
                t.serverToClient(data, s, n);
                s += n;
            }
            if (c < data.length) {
                int n = Math.min(5, data.length - c);
                t.clientToServer(data, c, n);
                c += n;
            }
        }
        t.flush();
    }
}
