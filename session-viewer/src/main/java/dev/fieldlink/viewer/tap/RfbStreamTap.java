package dev.fieldlink.viewer.tap;

import dev.fieldlink.viewer.rfb.ChunkInput;
import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.NeedMoreInput;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.ProtocolVersion;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbLimits;
import dev.fieldlink.viewer.rfb.SecurityTypes;
import dev.fieldlink.viewer.rfb.ServerInit;
import dev.fieldlink.viewer.rfb.decode.DecoderState;
import dev.fieldlink.viewer.rfb.decode.ServerEventSink;
import dev.fieldlink.viewer.rfb.decode.ServerStreamDecoder;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import dev.fieldlink.viewer.rfb.message.ClientMessageReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Passive observer of one spliced RFB connection. Feed it every chunk of both directions as it passes ({@link
 * #clientToServer}, {@link #serverToClient}); it never blocks and never changes the bytes. It follows the handshake
 * (version, security incl. VNC Authentication, ClientInit, ServerInit), then hands client messages to a {@link
 * ClientMessageReader} and, when enabled, decodes the server stream with the same decoders as the viewer.
 *
 * <p>A protocol violation or a security type it cannot follow raises {@link RfbException}; the tap then stays
 * failed. Thread-safety: the two feed methods are synchronized, so the two directions may be fed from two threads.
 */
public final class RfbStreamTap {
    /** Where the tap is. */
    public enum State {
        HANDSHAKE,
        MESSAGES,
        FAILED
    }

    private final RfbLimits limits;
    private final TapListener listener;
    private final boolean decodeServer;
    private final ServerEventSink serverSink;
    private final Framebuffer target;
    private final ChunkInput c2s;
    private final ChunkInput s2c;
    private State state = State.HANDSHAKE;
    private RfbException failure;

    // Handshake progress.
    private int serverStep; // 0 version, 1 security, 2 wait choice, 3 challenge, 4 result, 5 init, 6 done
    private int clientStep; // 0 version, 1 choice, 2 response, 3 init, 4 done
    private ProtocolVersion version;
    private List<Integer> offered = List.of();
    private int securityType = -1;
    private ServerInit serverInit;

    // Message phase.
    private ClientMessageReader reader;
    private long clientHandshakeBytes;
    private ServerStreamDecoder decoder;
    private long lastFailPending;
    private long lastRequired;
    private static final long BIG_UNIT = 256 * 1024;
    private long serverBase;

    /**
     * @param decodeServer decode the server stream after ServerInit (recording, replay); else only the client stream
     * @param serverSink receives decoder events when {@code decodeServer}; may be null
     */
    public RfbStreamTap(RfbLimits limits, TapListener listener, boolean decodeServer, ServerEventSink serverSink) {
        this(limits, listener, decodeServer, serverSink, null);
    }

    /**
     * @param target framebuffer to decode into (resized at ServerInit), or null for a new one
     */
    public RfbStreamTap(
            RfbLimits limits,
            TapListener listener,
            boolean decodeServer,
            ServerEventSink serverSink,
            Framebuffer target) {
        this.target = target;
        this.limits = limits;
        this.listener = listener;
        this.decodeServer = decodeServer;
        this.serverSink = serverSink == null ? new ServerEventSink() {} : serverSink;
        this.c2s = new ChunkInput(64 * 1024, "client handshake");
        this.s2c = decodeServer
                ? new ChunkInput(limits.maxBufferedBytes(), "server stream")
                : new ChunkInput(handshakeBuffer(limits), "server handshake");
    }

    /**
     * What a tap that does not decode the server stream buffers of it at most: the server's handshake (version,
     * security types or a refusal reason of up to 4 KiB, challenge, result, ServerInit with its name) plus room for
     * the chunk it arrives in, which may already carry the first update of a client that requested one early. After
     * ServerInit such a tap drops the server stream, so it never holds more than this per connection.
     */
    static int handshakeBuffer(RfbLimits limits) {
        return (int) Math.min(limits.maxBufferedBytes(), (1L << 20) + limits.maxNameBytes());
    }

    /** A tap that only follows the client stream (audit, operator mirror). */
    public static RfbStreamTap clientOnly(RfbLimits limits, TapListener listener) {
        return new RfbStreamTap(limits, listener, false, null);
    }

    /**
     * A tap resuming in the message phase from a recording keyframe: feed it server bytes from {@code serverOffset}
     * and client bytes from {@code clientOffset} on (both counted from the start of the connection, at message
     * boundaries as reported by {@link TapListener#serverBoundary}).
     */
    public static RfbStreamTap resume(
            RfbLimits limits,
            TapListener listener,
            ServerEventSink sink,
            ServerInit init,
            ProtocolVersion version,
            long serverOffset,
            long clientOffset,
            Framebuffer fb,
            DecoderState decoderState) {
        RfbStreamTap t = new RfbStreamTap(limits, listener, true, sink);
        t.version = version;
        t.serverInit = init;
        t.state = State.MESSAGES;
        t.serverStep = 6;
        t.clientStep = 4;
        t.clientHandshakeBytes = clientOffset;
        t.serverBase = serverOffset;
        t.reader = new ClientMessageReader(limits, t::onClientMessage);
        t.decoder = new ServerStreamDecoder(fb, decoderState.pixelFormat(), limits, t.serverSink, true);
        t.decoder.restoreState(decoderState);
        return t;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized ProtocolVersion version() {
        return version;
    }

    public synchronized int securityType() {
        return securityType;
    }

    /** ServerInit once seen, else null. */
    public synchronized ServerInit serverInit() {
        return serverInit;
    }

    /** The server-stream decoder once in the message phase with decoding enabled, else null. */
    public synchronized ServerStreamDecoder decoder() {
        return decoder;
    }

    /**
     * Client-stream offset where client messages start: the handshake's length (version, security, ClientInit), or
     * for a resumed tap the offset it resumed at.
     */
    public synchronized long clientHandshakeBytes() {
        return clientHandshakeBytes;
    }

    /** Observes a client-to-server chunk. */
    public synchronized void clientToServer(byte[] b, int off, int len) throws RfbException {
        check();
        try {
            if (state == State.MESSAGES) {
                reader.feed(b, off, len);
                return;
            }
            c2s.append(b, off, len);
            advance();
        } catch (RfbException e) {
            throw fail(e);
        }
    }

    /** Observes a server-to-client chunk. */
    public synchronized void serverToClient(byte[] b, int off, int len) throws RfbException {
        check();
        try {
            if (!decodeServer && serverStep == 6) {
                return; // only the client stream is followed after ServerInit
            }
            s2c.append(b, off, len);
            if (state == State.HANDSHAKE) {
                advance();
            } else {
                decodeServer(false);
            }
        } catch (RfbException e) {
            throw fail(e);
        }
    }

    /** Decodes whatever complete server units are buffered now (replay calls it before showing a frame). */
    public synchronized void flush() throws RfbException {
        check();
        if (state == State.MESSAGES && decoder != null) {
            try {
                decodeServer(true);
            } catch (RfbException e) {
                throw fail(e);
            }
        }
    }

    private void check() throws RfbException {
        if (failure != null) {
            throw failure;
        }
    }

    private RfbException fail(RfbException e) {
        failure = e;
        state = State.FAILED;
        return e;
    }

    // ---- handshake ----

    private void advance() throws RfbException {
        boolean progress = true;
        while (progress && state == State.HANDSHAKE) {
            progress = false;
            try {
                progress |= serverSide();
                s2c.commit();
            } catch (NeedMoreInput e) {
                s2c.reset();
            } catch (IOException e) {
                throw asRfb(e);
            }
            try {
                progress |= clientSide();
                c2s.commit();
            } catch (NeedMoreInput e) {
                c2s.reset();
            } catch (IOException e) {
                throw asRfb(e);
            }
        }
        if (state == State.MESSAGES) {
            byte[] rest = c2s.unread();
            if (rest.length > 0) {
                reader.feed(rest, 0, rest.length);
            }
            if (decodeServer) {
                decodeServer(false);
            }
        }
    }

    private static RfbException asRfb(IOException e) {
        return e instanceof RfbException r ? r : RfbException.protocol(String.valueOf(e.getMessage()));
    }

    /** One server handshake step; false when it waits for the client side. */
    private boolean serverSide() throws IOException {
        switch (serverStep) {
            case 0: {
                byte[] v = new byte[12];
                s2c.readFully(v, 0, 12);
                ProtocolVersion.parse(v);
                serverStep = 1;
                return true;
            }
            case 1: {
                if (version == null) {
                    return false;
                }
                if (version == ProtocolVersion.V3_3) {
                    int type = s2c.readS32();
                    if (type == 0) {
                        String why = reason(s2c);
                        listener.securityResult(false, why);
                        throw new RfbException(RfbException.Kind.AUTHENTICATION, "server refused: " + why);
                    }
                    chosen(type);
                    serverStep = type == SecurityTypes.VNC_AUTH ? 3 : 4;
                } else {
                    int n = s2c.readU8();
                    if (n == 0) {
                        String why = reason(s2c);
                        listener.securityResult(false, why);
                        throw new RfbException(RfbException.Kind.AUTHENTICATION, "server refused: " + why);
                    }
                    byte[] types = new byte[n];
                    s2c.readFully(types, 0, n);
                    List<Integer> list = new ArrayList<>();
                    for (byte t : types) {
                        list.add(t & 0xFF);
                    }
                    offered = List.copyOf(list);
                    serverStep = 2;
                }
                return true;
            }
            case 2:
                if (securityType < 0) {
                    return false;
                }
                serverStep = securityType == SecurityTypes.VNC_AUTH ? 3 : 4;
                return true;
            case 3:
                s2c.skip(16); // the challenge: never kept, never reported
                serverStep = 4;
                return true;
            case 4: {
                boolean resultSent = securityType == SecurityTypes.VNC_AUTH || version == ProtocolVersion.V3_8;
                if (resultSent) {
                    int result = s2c.readS32();
                    if (result != 0) {
                        String why = version == ProtocolVersion.V3_8 ? reason(s2c) : "";
                        listener.securityResult(false, why);
                        throw new RfbException(RfbException.Kind.AUTHENTICATION, "authentication failed: " + why);
                    }
                }
                listener.securityResult(true, "");
                serverStep = 5;
                return true;
            }
            case 5: {
                int w = s2c.readU16();
                int h = s2c.readU16();
                byte[] pf = new byte[16];
                s2c.readFully(pf, 0, 16);
                int len = s2c.readS32();
                if (len < 0 || len > limits.maxNameBytes()) {
                    throw RfbException.limit("ServerInit: name length " + (len & 0xFFFFFFFFL) + " exceeds the limit of "
                            + limits.maxNameBytes());
                }
                byte[] name = new byte[len];
                s2c.readFully(name, 0, len);
                limits.checkDesktopSize("ServerInit", w, h);
                PixelFormat format = PixelFormat.read(pf, 0);
                serverInit = new ServerInit(w, h, format, new String(name, StandardCharsets.UTF_8));
                listener.serverInit(serverInit);
                serverStep = 6;
                if (!decodeServer) {
                    s2c.skip(s2c.available()); // whatever followed ServerInit is not followed
                }
                if (decodeServer) {
                    Framebuffer fb = target;
                    if (fb == null) {
                        fb = new Framebuffer(w, h);
                    } else {
                        fb.resize(w, h);
                    }
                    decoder = new ServerStreamDecoder(fb, format.validate("ServerInit"), limits, serverSink, true);
                    serverSink.desktopResized(w, h);
                }
                maybeMessages();
                return true;
            }
            default:
                return false;
        }
    }

    private void chosen(int type) throws RfbException {
        if (type != SecurityTypes.NONE && type != SecurityTypes.VNC_AUTH) {
            throw RfbException.unsupported("security type " + SecurityTypes.name(type)
                    + " cannot be followed (only None and VNC Authentication)");
        }
        securityType = type;
        listener.securityChosen(type);
    }

    /** One client handshake step; false when it waits for the server side. */
    private boolean clientSide() throws IOException {
        switch (clientStep) {
            case 0: {
                byte[] v = new byte[12];
                c2s.readFully(v, 0, 12);
                int[] mm = ProtocolVersion.parse(v);
                version = ProtocolVersion.fromClient(mm[0], mm[1]);
                listener.versionNegotiated(version);
                clientStep = 1;
                return true;
            }
            case 1:
                if (version == ProtocolVersion.V3_3) {
                    if (securityType < 0) {
                        return false;
                    }
                } else {
                    int type = c2s.readU8();
                    if (!offered.isEmpty() && !offered.contains(type)) {
                        throw RfbException.protocol("client chose security type " + type + " not offered " + offered);
                    }
                    chosen(type);
                }
                clientStep = securityType == SecurityTypes.VNC_AUTH ? 2 : 3;
                return true;
            case 2:
                c2s.skip(16); // the response: never kept, never reported
                clientStep = 3;
                return true;
            case 3: {
                if (serverStep < 5) {
                    // ClientInit follows a successful security result.
                    return false;
                }
                boolean shared = c2s.readU8() != 0;
                listener.clientInit(shared);
                clientStep = 4;
                clientHandshakeBytes = c2s.position();
                maybeMessages();
                return true;
            }
            default:
                return false;
        }
    }

    private void maybeMessages() {
        if (clientStep == 4 && serverStep == 6) {
            state = State.MESSAGES;
            reader = new ClientMessageReader(limits, this::onClientMessage);
        }
    }

    private static String reason(ChunkInput in) throws IOException {
        int len = in.readS32();
        if (len < 0 || len > 4096) {
            throw RfbException.limit("security failure reason of " + (len & 0xFFFFFFFFL) + " bytes exceeds 4096");
        }
        byte[] b = new byte[len];
        in.readFully(b, 0, len);
        return new String(b, StandardCharsets.UTF_8);
    }

    // ---- message phase ----

    private void onClientMessage(ClientMessage m) {
        if (m instanceof ClientMessage.SetPixelFormat spf && decoder != null) {
            // Server bytes that arrived before this message are in the old format: decode them first.
            try {
                decodeServer(true);
            } catch (RfbException e) {
                failure = e;
                state = State.FAILED;
            }
            decoder.setPixelFormat(spf.pixelFormat());
        }
        listener.clientMessage(m);
    }

    private void decodeServer(boolean force) throws RfbException {
        if (decoder == null) {
            return;
        }
        long pending = s2c.available();
        // Retry a unit only once the bytes it last asked for are here. A large unit whose size is not known up
        // front (Hextile, RRE) is retried only after it grew by half, so it is parsed O(n) times in total, not
        // O(n^2).
        if (!force && lastRequired > 0) {
            if (s2c.bufferedEnd() < lastRequired) {
                return;
            }
            if (pending > BIG_UNIT && pending < lastFailPending + lastFailPending / 2) {
                return;
            }
        }
        lastRequired = 0;
        lastFailPending = 0;
        while (s2c.available() > 0) {
            try {
                decoder.step(s2c);
            } catch (NeedMoreInput e) {
                s2c.reset();
                lastFailPending = s2c.available();
                lastRequired = e.required();
                return;
            } catch (RfbException e) {
                throw e;
            } catch (IOException e) {
                throw asRfb(e);
            }
            s2c.commit();
            if (decoder.atMessageBoundary()) {
                listener.serverBoundary(
                        serverBase + s2c.committedPosition(), clientHandshakeBytes + reader.resumeOffset());
            }
        }
    }

    /** Server-to-client bytes fed so far. */
    public synchronized long serverBytes() {
        return serverBase + s2c.bufferedEnd();
    }
}
