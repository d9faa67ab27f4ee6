package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.CursorShape;
import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.PixelConverter;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbInput;
import dev.fieldlink.viewer.rfb.RfbLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the server-to-client message stream after ServerInit, in order, into a {@link Framebuffer}.
 *
 * <p>Each {@link #step} consumes one unit: a whole small message, a FramebufferUpdate header, or one rectangle. A
 * step either completes, changing decoder state and reporting to the sink, or fails with {@link
 * dev.fieldlink.viewer.rfb.NeedMoreInput} having changed nothing but framebuffer pixels it will write identically on
 * retry. That makes the decoder usable both over a blocking stream and push-style over {@link
 * dev.fieldlink.viewer.rfb.ChunkInput}. Not thread-safe: one decoding thread.
 */
public final class ServerStreamDecoder {
    private final Framebuffer fb;
    private final RfbLimits limits;
    private final ServerEventSink sink;
    private final DecodeContext ctx;
    private final ZrleDecoder zrle;
    private final TightDecoder tight;
    private final DecodeStats stats = new DecodeStats();
    private PixelFormat format;
    private PixelFormat pendingFormat;
    private int rectsLeft; // 0: between messages
    private int rectIndex;
    private CursorShape cursor = CursorShape.EMPTY;
    private String name = "";

    /**
     * @param fb the framebuffer to draw into, sized from ServerInit
     * @param format the pixel format the server sends in (validated)
     * @param keepZlibHistory keep zlib windows so that {@link #saveState()} can be restored (recording, replay)
     */
    public ServerStreamDecoder(
            Framebuffer fb, PixelFormat format, RfbLimits limits, ServerEventSink sink, boolean keepZlibHistory) {
        this.fb = fb;
        this.limits = limits;
        this.sink = sink;
        this.format = format;
        this.ctx = new DecodeContext(fb, new PixelConverter(format), limits, stats);
        this.zrle = new ZrleDecoder(keepZlibHistory);
        this.tight = new TightDecoder(keepZlibHistory);
    }

    public Framebuffer framebuffer() {
        return fb;
    }

    public DecodeStats stats() {
        return stats;
    }

    public PixelFormat pixelFormat() {
        return pendingFormat != null ? pendingFormat : format;
    }

    public CursorShape cursor() {
        return cursor;
    }

    public String desktopName() {
        return name;
    }

    /** Switches the pixel format at the next message boundary (after a SetPixelFormat the client sent). */
    public void setPixelFormat(PixelFormat pf) {
        if (rectsLeft == 0) {
            applyFormat(pf);
        } else {
            pendingFormat = pf;
        }
    }

    private void applyFormat(PixelFormat pf) {
        format = pf;
        pendingFormat = null;
        ctx.pixels = new PixelConverter(pf);
    }

    /** True between server messages. */
    public boolean atMessageBoundary() {
        return rectsLeft == 0;
    }

    /** Decodes one unit from {@code in}. */
    public void step(RfbInput in) throws IOException {
        if (rectsLeft == 0) {
            message(in);
        } else {
            rectangle(in);
        }
    }

    private void message(RfbInput in) throws IOException {
        int type = in.readU8();
        switch (type) {
            case 0: {
                in.readU8();
                int n = in.readU16();
                sink.updateBegin(n);
                if (n == 0) {
                    endUpdate();
                } else {
                    rectsLeft = n;
                    rectIndex = 0;
                }
                return;
            }
            case 1: {
                in.readU8();
                in.readU16();
                int n = in.readU16();
                in.skip(6L * n);
                boundary();
                return;
            }
            case 2:
                sink.bell();
                boundary();
                return;
            case 3: {
                in.readU8();
                in.readU16();
                int len = in.readS32();
                if (len < 0 || len > limits.maxCutTextBytes()) {
                    throw RfbException.limit("ServerCutText: length " + (len & 0xFFFFFFFFL) + " exceeds the limit of "
                            + limits.maxCutTextBytes());
                }
                in.require(len);
                byte[] b = new byte[len];
                in.readFully(b, 0, len);
                sink.serverCutText(new String(b, StandardCharsets.ISO_8859_1));
                boundary();
                return;
            }
            case 150:
                sink.endOfContinuousUpdates();
                boundary();
                return;
            case 248: {
                in.readU8();
                in.readU16();
                int flags = in.readS32();
                int len = in.readU8();
                if (len > 64) {
                    throw RfbException.protocol("ServerFence: payload length " + len + " exceeds 64");
                }
                byte[] payload = new byte[len];
                in.readFully(payload, 0, len);
                sink.serverFence(flags, payload);
                boundary();
                return;
            }
            default:
                throw RfbException.protocol("server message type " + type + " is unknown");
        }
    }

    private void rectangle(RfbInput in) throws IOException {
        int x = in.readU16();
        int y = in.readU16();
        int w = in.readU16();
        int h = in.readU16();
        int enc = in.readS32();
        switch (enc) {
            case Encodings.LAST_RECT:
                rectsLeft = 0;
                endUpdate();
                return;
            case Encodings.DESKTOP_SIZE:
                resize("DesktopSize", w, h);
                break;
            case Encodings.EXTENDED_DESKTOP_SIZE:
                extendedDesktopSize(in, x, y, w, h);
                break;
            case Encodings.CURSOR:
                cursor = CursorDecoder.decode(ctx, in, x, y, w, h);
                stats.count("Cursor");
                sink.cursorChanged(cursor);
                break;
            case Encodings.DESKTOP_NAME: {
                int len = in.readS32();
                if (len < 0 || len > limits.maxNameBytes()) {
                    throw RfbException.limit("DesktopName: length " + (len & 0xFFFFFFFFL) + " exceeds the limit of "
                            + limits.maxNameBytes());
                }
                byte[] b = new byte[len];
                in.readFully(b, 0, len);
                name = new String(b, StandardCharsets.UTF_8);
                sink.desktopName(name);
                break;
            }
            default:
                pixels(in, enc, x, y, w, h);
        }
        rectIndex++;
        if (--rectsLeft == 0) {
            endUpdate();
        }
    }

    private void pixels(RfbInput in, int enc, int x, int y, int w, int h) throws IOException {
        if (!fb.contains(x, y, w, h)) {
            throw RfbException.protocol("FramebufferUpdate: " + Encodings.name(enc) + " rectangle " + w + "x" + h + "+"
                    + x + "+" + y + " lies outside the " + fb.width() + "x" + fb.height() + " framebuffer");
        }
        switch (enc) {
            case Encodings.RAW:
                RawDecoder.decode(ctx, in, x, y, w, h);
                break;
            case Encodings.COPY_RECT: {
                int sx = in.readU16();
                int sy = in.readU16();
                if (!fb.contains(sx, sy, w, h)) {
                    throw RfbException.protocol(
                            "CopyRect: source " + w + "x" + h + "+" + sx + "+" + sy + " lies outside the framebuffer");
                }
                fb.copyRect(sx, sy, w, h, x, y);
                break;
            }
            case Encodings.RRE:
                RreDecoder.decode(ctx, in, x, y, w, h);
                break;
            case Encodings.HEXTILE:
                HextileDecoder.decode(ctx, in, x, y, w, h);
                break;
            case Encodings.ZRLE:
                zrle.decode(ctx, in, x, y, w, h);
                break;
            case Encodings.TIGHT:
                tight.decode(ctx, in, x, y, w, h);
                break;
            default:
                throw RfbException.protocol(
                        "FramebufferUpdate: rectangle " + rectIndex + " has unsupported encoding " + enc);
        }
        if (enc != Encodings.TIGHT) {
            stats.count(Encodings.name(enc));
        }
        sink.damaged(x, y, w, h);
    }

    private void extendedDesktopSize(RfbInput in, int reason, int status, int w, int h) throws IOException {
        int screens = in.readU8();
        in.require(3 + 16L * screens);
        in.skip(3 + 16L * screens);
        if (status == 0) {
            resize("ExtendedDesktopSize", w, h);
        }
    }

    private void resize(String what, int w, int h) throws IOException {
        limits.checkDesktopSize(what, w, h);
        if (w != fb.width() || h != fb.height()) {
            fb.resize(w, h);
        }
        stats.count(what);
        sink.desktopResized(w, h);
    }

    private void endUpdate() {
        sink.updateEnd();
        boundary();
    }

    private void boundary() {
        if (pendingFormat != null) {
            applyFormat(pendingFormat);
        }
        sink.messageBoundary();
    }

    // ---- state for recording keyframes ----

    /** Saves what cannot be rebuilt from the framebuffer: format, zlib windows, cursor, name. At a boundary only. */
    public DecoderState saveState() {
        if (rectsLeft != 0) {
            throw new IllegalStateException("state can only be saved between messages");
        }
        List<DecoderState.Zlib> z = new ArrayList<>();
        z.add(new DecoderState.Zlib(zrle.zlib().started(), zrle.zlib().dictionary()));
        for (int i = 0; i < 4; i++) {
            z.add(new DecoderState.Zlib(
                    tight.stream(i).started(), tight.stream(i).dictionary()));
        }
        return new DecoderState(pixelFormat(), z, cursor, name);
    }

    /** Restores a saved state (the framebuffer is restored separately). */
    public void restoreState(DecoderState s) {
        applyFormat(s.pixelFormat());
        rectsLeft = 0;
        zrle.zlib().restore(s.zlib().get(0).started(), s.zlib().get(0).dictionary());
        for (int i = 0; i < 4; i++) {
            tight.stream(i)
                    .restore(s.zlib().get(i + 1).started(), s.zlib().get(i + 1).dictionary());
        }
        cursor = s.cursor();
        name = s.name();
    }
}
