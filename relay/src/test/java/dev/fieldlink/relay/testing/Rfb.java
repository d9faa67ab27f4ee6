package dev.fieldlink.relay.testing;

import dev.fieldlink.testing.Poll;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Well-formed RFB 3.8 bytes for tests that drive a screen channel by hand: the handshake (security type None) between a
 * {@link TestViewer} and a {@link TestScreenChannel}, and single messages. The relay's input audit follows the stream
 * and ends a session whose input it cannot parse, so tests that move bytes speak RFB.
 */
public final class Rfb {
    /** The client's version line. */
    public static final byte[] CLIENT_VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);

    private Rfb() {}

    /**
     * Completes the handshake after the viewer read the agent's greeting: version, security None, ClientInit,
     * ServerInit of a {@code width} x {@code height} 32-bit true-colour desktop. Both sides are then in the message
     * phase, and the machine has received every handshake byte of the client.
     */
    public static void handshake(TestViewer viewer, TestScreenChannel screen, int width, int height)
            throws IOException {
        long before = screen.receivedCount();
        viewer.write(CLIENT_VERSION);
        screen.send(new byte[] {1, 1}); // one security type: None
        expect(viewer, new byte[] {1, 1});
        viewer.write(new byte[] {1});
        screen.send(new byte[] {0, 0, 0, 0}); // SecurityResult OK
        expect(viewer, new byte[] {0, 0, 0, 0});
        viewer.write(new byte[] {1}); // ClientInit, shared
        long clientBytes = CLIENT_VERSION.length + 2;
        Poll.until(
                java.time.Duration.ofSeconds(10),
                "the client's handshake at the machine",
                () -> screen.receivedCount() == before + clientBytes);
        byte[] init = serverInit(width, height, "HMI");
        screen.send(init);
        expect(viewer, init);
    }

    /** ServerInit: size, 32 bpp depth 24 little-endian true colour, name. */
    public static byte[] serverInit(int width, int height, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(24 + n.length)
                .putShort((short) width)
                .putShort((short) height)
                .put(new byte[] {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 16, 8, 0, 0, 0, 0})
                .putInt(n.length)
                .put(n)
                .array();
    }

    /** PointerEvent: button mask, position. */
    public static byte[] pointer(int mask, int x, int y) {
        return ByteBuffer.allocate(6)
                .put((byte) 5)
                .put((byte) mask)
                .putShort((short) x)
                .putShort((short) y)
                .array();
    }

    /** KeyEvent for a keysym. */
    public static byte[] key(boolean down, int keysym) {
        return ByteBuffer.allocate(8)
                .put((byte) 4)
                .put((byte) (down ? 1 : 0))
                .putShort((short) 0)
                .putInt(keysym)
                .array();
    }

    /** FramebufferUpdate with one Raw rectangle; {@code pixels} holds width * height * 4 bytes. */
    public static byte[] rawUpdate(int x, int y, int width, int height, byte[] pixels) {
        if (pixels.length != width * height * 4) {
            throw new IllegalArgumentException("need " + width * height * 4 + " pixel bytes, not " + pixels.length);
        }
        return ByteBuffer.allocate(16 + pixels.length)
                .put(new byte[] {0, 0, 0, 1})
                .putShort((short) x)
                .putShort((short) y)
                .putShort((short) width)
                .putShort((short) height)
                .putInt(0)
                .put(pixels)
                .array();
    }

    private static void expect(TestViewer viewer, byte[] bytes) throws IOException {
        byte[] got = viewer.read(bytes.length);
        if (!java.util.Arrays.equals(got, bytes)) {
            throw new AssertionError("the viewer read " + java.util.Arrays.toString(got) + " instead of "
                    + java.util.Arrays.toString(bytes));
        }
    }
}
