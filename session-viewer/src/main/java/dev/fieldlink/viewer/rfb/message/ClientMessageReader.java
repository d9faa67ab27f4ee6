package dev.fieldlink.viewer.rfb.message;

import dev.fieldlink.viewer.rfb.ChunkInput;
import dev.fieldlink.viewer.rfb.NeedMoreInput;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental, push-style parser of the client-to-server RFB stream after ClientInit. Feed it chunks of any size from
 * any single thread at a time; it never blocks, buffers at most one message (capped by {@link RfbLimits}), and calls
 * the listener for each complete message in order.
 *
 * <p>A malformed message raises {@link RfbException} naming the message type and the offending value; after that the
 * reader stays failed and every further {@link #feed} raises the same error. Not thread-safe (callers feeding from
 * several threads synchronize).
 */
public final class ClientMessageReader {
    private final RfbLimits limits;
    private final ClientMessageListener listener;
    private final ChunkInput in;
    private RfbException failure;
    private long messages;
    private boolean dispatching;
    private long dispatchStart;

    public ClientMessageReader(RfbLimits limits, ClientMessageListener listener) {
        this.limits = limits;
        this.listener = listener;
        long cap = Math.max(limits.maxCutTextBytes(), 4L * limits.maxEncodings()) + 64;
        this.in = new ChunkInput((int) Math.min(Integer.MAX_VALUE, cap), "client stream");
    }

    /** Parses what it can of this chunk; keeps an incomplete tail for the next call. */
    public void feed(byte[] b, int off, int len) throws RfbException {
        if (failure != null) {
            throw failure;
        }
        try {
            in.append(b, off, len);
            while (in.available() > 0) {
                ClientMessage m;
                long start = in.committedPosition();
                try {
                    m = next();
                } catch (NeedMoreInput more) {
                    in.reset();
                    return;
                }
                in.commit();
                messages++;
                dispatching = true;
                dispatchStart = start;
                try {
                    listener.message(m);
                } finally {
                    dispatching = false;
                }
            }
        } catch (RfbException e) {
            failure = e;
            throw e;
        } catch (IOException e) {
            failure = RfbException.protocol("client stream: " + e.getMessage());
            throw failure;
        }
    }

    /** Number of complete messages parsed. */
    public long messageCount() {
        return messages;
    }

    /** Absolute stream offset of the end of the last complete message. */
    public long messageBoundary() {
        return in.committedPosition();
    }

    /**
     * Where parsing could resume without losing a message: the end of the last complete message, or while the
     * listener handles a message, that message's start.
     */
    public long resumeOffset() {
        return dispatching ? dispatchStart : in.committedPosition();
    }

    /** True when no partial message is buffered. */
    public boolean atMessageBoundary() {
        return in.available() == 0;
    }

    private ClientMessage next() throws IOException {
        int type = in.readU8();
        switch (type) {
            case 0: {
                in.skip(3);
                byte[] pf = new byte[16];
                in.readFully(pf, 0, 16);
                return new ClientMessage.SetPixelFormat(PixelFormat.read(pf, 0).validate("SetPixelFormat"));
            }
            case 2: {
                in.readU8();
                int n = in.readU16();
                if (n > limits.maxEncodings()) {
                    throw RfbException.limit(
                            "SetEncodings: " + n + " encodings exceed the limit of " + limits.maxEncodings());
                }
                in.require(4L * n);
                List<Integer> encodings = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    encodings.add(in.readS32());
                }
                return new ClientMessage.SetEncodings(encodings);
            }
            case 3: {
                boolean incremental = in.readU8() != 0;
                return new ClientMessage.FramebufferUpdateRequest(
                        incremental, in.readU16(), in.readU16(), in.readU16(), in.readU16());
            }
            case 4: {
                boolean down = in.readU8() != 0;
                in.skip(2);
                return new ClientMessage.KeyEvent(down, in.readS32());
            }
            case 5:
                return new ClientMessage.PointerEvent(in.readU8(), in.readU16(), in.readU16());
            case 6: {
                in.skip(3);
                int len = in.readS32();
                if (len < 0) {
                    long ext = -(long) len;
                    if (ext > limits.maxCutTextBytes()) {
                        throw RfbException.limit("ClientCutText: extended clipboard length " + ext
                                + " exceeds the limit of " + limits.maxCutTextBytes());
                    }
                    in.skip(ext);
                    return new ClientMessage.ClientCutText("", (int) ext);
                }
                if (len > limits.maxCutTextBytes()) {
                    throw RfbException.limit(
                            "ClientCutText: length " + len + " exceeds the limit of " + limits.maxCutTextBytes());
                }
                in.require(len);
                byte[] t = new byte[len];
                in.readFully(t, 0, len);
                return new ClientMessage.ClientCutText(new String(t, StandardCharsets.ISO_8859_1));
            }
            case 150:
                return new ClientMessage.EnableContinuousUpdates(
                        in.readU8() != 0, in.readU16(), in.readU16(), in.readU16(), in.readU16());
            case 248: {
                in.skip(3);
                int flags = in.readS32();
                int len = in.readU8();
                if (len > 64) {
                    throw RfbException.protocol("ClientFence: payload length " + len + " exceeds 64");
                }
                byte[] p = new byte[len];
                in.readFully(p, 0, len);
                return new ClientMessage.ClientFence(flags, p);
            }
            case 251: {
                in.readU8();
                int w = in.readU16();
                int h = in.readU16();
                int screens = in.readU8();
                in.readU8();
                in.skip(16L * screens);
                return new ClientMessage.SetDesktopSize(w, h, screens);
            }
            case 255: {
                int sub = in.readU8();
                if (sub != 0) {
                    throw RfbException.unsupported("QEMU client message subtype " + sub + " is not supported");
                }
                boolean down = in.readU16() != 0;
                int keysym = in.readS32();
                int keycode = in.readS32();
                return new ClientMessage.QemuKeyEvent(down, keysym, keycode);
            }
            default:
                throw RfbException.protocol("client message type " + type + " is unknown");
        }
    }
}
