package dev.fieldlink.viewer.rfb.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.viewer.rfb.ChunkInput;
import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.NeedMoreInput;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbLimits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Every limit and validity check of the server-stream decoder, each with the message it must give. */
class MalformedServerStreamTest {
    static final RfbLimits SMALL = new RfbLimits(1024, 1024, 1 << 20, 100, 50, 5000, 16, 32, 1 << 20);

    static Framebuffer decode(byte[] stream) throws Exception {
        Framebuffer fb = new Framebuffer(64, 48);
        ServerStreamDecoder d =
                new ServerStreamDecoder(fb, PixelFormat.RGB888_LE, SMALL, new ServerEventSink() {}, false);
        ChunkInput in = new ChunkInput(1 << 20, "test");
        in.append(stream, 0, stream.length);
        while (in.available() > 0) {
            try {
                d.step(in);
            } catch (NeedMoreInput e) {
                return fb;
            }
            in.commit();
        }
        return fb;
    }

    static ByteBuffer update(int rects) {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        b.put((byte) 0).put((byte) 0).putShort((short) rects);
        return b;
    }

    static ByteBuffer rect(ByteBuffer b, int x, int y, int w, int h, int enc) {
        return b.putShort((short) x)
                .putShort((short) y)
                .putShort((short) w)
                .putShort((short) h)
                .putInt(enc);
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    static byte[] zlib(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buf, 0, n);
            if (n < buf.length) {
                break;
            }
        }
        d.end();
        return out.toByteArray();
    }

    @Test
    void rectangleOutsideTheFramebuffer_isRefused_namingIt() {
        ByteBuffer b = rect(update(1), 60, 0, 10, 10, 0);
        assertThatThrownBy(() -> decode(bytes(b)))
                .isInstanceOf(RfbException.class)
                .hasMessage("FramebufferUpdate: Raw rectangle 10x10+60+0 lies outside the 64x48 framebuffer");
    }

    @Test
    void copyRectSourceOutside_isRefused() {
        ByteBuffer b = rect(update(1), 0, 0, 10, 10, 1).putShort((short) 60).putShort((short) 0);
        assertThatThrownBy(() -> decode(bytes(b))).hasMessageContaining("CopyRect: source 10x10+60+0 lies outside");
    }

    @Test
    void desktopSizeAboveTheCap_isRefused_naming() {
        ByteBuffer b = rect(update(1), 0, 0, 2000, 10, -223);
        assertThatThrownBy(() -> decode(bytes(b)))
                .isInstanceOf(RfbException.class)
                .hasMessageContaining("DesktopSize: desktop size 2000x10 exceeds the limit of 1024x1024")
                .matches(e -> ((RfbException) e).kind() == RfbException.Kind.LIMIT);
    }

    @Test
    void serverCutTextAboveTheCap_isRefusedBeforeAllocating() {
        ByteBuffer b = ByteBuffer.allocate(8).put((byte) 3).put(new byte[3]).putInt(Integer.MAX_VALUE);
        assertThatThrownBy(() -> decode(bytes(b)))
                .hasMessageContaining("ServerCutText: length 2147483647 exceeds the limit of 100");
        ByteBuffer neg = ByteBuffer.allocate(8).put((byte) 3).put(new byte[3]).putInt(-1);
        assertThatThrownBy(() -> decode(bytes(neg))).hasMessageContaining("length 4294967295 exceeds");
    }

    @Test
    void desktopNameAboveTheCap_isRefused() {
        ByteBuffer b = rect(update(1), 0, 0, 0, 0, -307).putInt(51);
        assertThatThrownBy(() -> decode(bytes(b)))
                .hasMessageContaining("DesktopName: length 51 exceeds the limit of 50");
    }

    @Test
    void unknownMessageType_andEncoding_areRefused() {
        assertThatThrownBy(() -> decode(new byte[] {77})).hasMessage("server message type 77 is unknown");
        ByteBuffer b = rect(update(1), 0, 0, 4, 4, 6);
        assertThatThrownBy(() -> decode(bytes(b)))
                .hasMessage("FramebufferUpdate: rectangle 0 has unsupported encoding 6");
    }

    @Test
    void oversizedFence_isRefused() {
        ByteBuffer b = ByteBuffer.allocate(16)
                .put((byte) 248)
                .put(new byte[3])
                .putInt(0)
                .put((byte) 65);
        assertThatThrownBy(() -> decode(bytes(b))).hasMessage("ServerFence: payload length 65 exceeds 64");
    }

    @Test
    void cursorAboveTheCap_isRefused() {
        ByteBuffer b = rect(update(1), 0, 0, 33, 8, -239);
        assertThatThrownBy(() -> decode(bytes(b))).hasMessage("Cursor: size 33x8 exceeds the limit of 32x32");
    }

    @Test
    void rreWithMoreSubrectanglesThanPixels_isRefused() {
        ByteBuffer b = rect(update(1), 0, 0, 2, 2, 2).putInt(5);
        assertThatThrownBy(() -> decode(bytes(b))).hasMessage("RRE: 5 subrectangles in a 2x2 rectangle");
    }

    @Test
    void rreSubrectangleOutside_isRefused() {
        ByteBuffer b = rect(update(1), 0, 0, 4, 4, 2).putInt(1).putInt(0).putInt(0);
        b.putShort((short) 3).putShort((short) 0).putShort((short) 2).putShort((short) 1);
        assertThatThrownBy(() -> decode(bytes(b))).hasMessage("RRE: subrectangle 2x1+3+0 outside 4x4");
    }

    @Test
    void hextileSubrectangleOutsideItsTile_isRefused() {
        // A 4x4 tile: background, one subrectangle of 8x1 at 0,0.
        ByteBuffer b = rect(update(1), 0, 0, 4, 4, 5)
                .put((byte) (2 | 4 | 8))
                .putInt(0)
                .putInt(-1)
                .put((byte) 1);
        b.put((byte) 0).put((byte) 0x70);
        assertThatThrownBy(() -> decode(bytes(b))).hasMessage("Hextile: subrectangle 8x1+0+0 outside the 4x4 tile");
        ByteBuffer bad = rect(update(1), 0, 0, 4, 4, 5).put((byte) 64);
        assertThatThrownBy(() -> decode(bytes(bad))).hasMessage("Hextile: tile subencoding 64 has unknown bits");
    }

    @Test
    void zrleCompressedLengthAboveTheCap_isRefused() {
        ByteBuffer b = rect(update(1), 0, 0, 4, 4, 16).putInt(5001);
        assertThatThrownBy(() -> decode(bytes(b))).hasMessage("ZRLE: compressed length 5001 exceeds the limit of 5000");
    }

    @Test
    void zrleGarbage_isCorruptZlib() {
        byte[] junk = {1, 2, 3, 4, 5, 6, 7, 8};
        ByteBuffer b = rect(update(1), 0, 0, 4, 4, 16).putInt(junk.length).put(junk);
        assertThatThrownBy(() -> decode(bytes(b))).hasMessageContaining("ZRLE: corrupt zlib data");
    }

    @Test
    void zrleDataEndingEarly_isRefused() {
        byte[] z = zlib(new byte[] {0, 1, 2}); // raw tile of 4x4 needs 48 bytes
        ByteBuffer b = rect(update(1), 0, 0, 4, 4, 16).putInt(z.length).put(z);
        assertThatThrownBy(() -> decode(bytes(b)))
                .hasMessage("ZRLE: zlib data ended before the rectangle was complete");
    }

    @Test
    void zrleUndefinedSubencoding_andBadPaletteIndex_areRefused() {
        byte[] z = zlib(new byte[] {17});
        ByteBuffer b = rect(update(1), 0, 0, 4, 4, 16).putInt(z.length).put(z);
        assertThatThrownBy(() -> decode(bytes(b))).hasMessage("ZRLE: tile subencoding 17 is undefined");
        // Palette RLE with 2 colours, then index 5.
        byte[] p = zlib(new byte[] {(byte) 130, 0, 0, 0, 1, 1, 1, 5});
        ByteBuffer b2 = rect(update(1), 0, 0, 4, 4, 16).putInt(p.length).put(p);
        assertThatThrownBy(() -> decode(bytes(b2))).hasMessage("ZRLE: palette RLE index 5 >= palette size 2");
    }

    @Test
    void zrleRunLongerThanTheTile_isRefused() {
        byte[] z = zlib(new byte[] {(byte) 128, 9, 9, 9, (byte) 200});
        ByteBuffer b = rect(update(1), 0, 0, 4, 4, 16).putInt(z.length).put(z);
        assertThatThrownBy(() -> decode(bytes(b)))
                .hasMessage("ZRLE: run of 201 pixels exceeds the 16 left in the tile");
    }

    @Test
    void zrleExtraOutput_isRefused() {
        byte[] z = zlib(new byte[] {1, 9, 9, 9, 42});
        ByteBuffer b = rect(update(1), 0, 0, 4, 4, 16).putInt(z.length).put(z);
        assertThatThrownBy(() -> decode(bytes(b))).hasMessage("ZRLE: 1 bytes of zlib output left after the rectangle");
    }

    @Test
    void tightBadControl_badFilter_andOversizedLength_areRefused() {
        ByteBuffer png = rect(update(1), 0, 0, 4, 4, 7).put((byte) 0xA0);
        assertThatThrownBy(() -> decode(bytes(png)))
                .hasMessage("Tight: compression control 10 is not supported (byte 0xa0)");
        ByteBuffer filter = rect(update(1), 0, 0, 4, 4, 7).put((byte) 0x40).put((byte) 7);
        assertThatThrownBy(() -> decode(bytes(filter))).hasMessage("Tight: filter id 7 is not 0, 1 or 2");
        ByteBuffer len = rect(update(1), 0, 0, 40, 40, 7)
                .put((byte) 0)
                .put((byte) 0xFF)
                .put((byte) 0xFF)
                .put((byte) 0x7F);
        assertThatThrownBy(() -> decode(bytes(len)))
                .hasMessage("Tight: compressed length 2097151 exceeds the limit of 5000");
    }

    @Test
    void tightJpegOfTheWrongSize_orGarbage_isRefused() throws Exception {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpg = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpeg", jpg);
        byte[] j = jpg.toByteArray();
        ByteBuffer b = rect(update(1), 0, 0, 4, 4, 7).put((byte) 0x90);
        b.put((byte) (0x80 | (j.length & 0x7F))).put((byte) (j.length >> 7)).put(j);
        assertThatThrownBy(() -> decode(bytes(b))).hasMessage("Tight: JPEG of 8x8 in a 4x4 rectangle");
        ByteBuffer g =
                rect(update(1), 0, 0, 4, 4, 7).put((byte) 0x90).put((byte) 5).put(new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> decode(bytes(g))).hasMessageContaining("Tight: bad JPEG data");
    }

    @Test
    void hextileTileWith255ColouredSubrectangles_decodes() throws Exception {
        // The most a tile can carry besides raw pixels: 255 coloured subrectangles of 4 + 2 bytes.
        ByteBuffer b = rect(update(1), 0, 0, 16, 16, 5)
                .put((byte) (2 | 8 | 16))
                .putInt(0)
                .put((byte) 255);
        for (int i = 0; i < 255; i++) {
            b.putInt(0x00FF0000).put((byte) (((i % 16) << 4) | (i / 16))).put((byte) 0);
        }
        Framebuffer fb = decode(bytes(b));
        assertThat(fb.get(15, 14)).isEqualTo(0xFF00FF00); // bytes 00 FF 00 00, little-endian
        assertThat(fb.get(15, 15)).isEqualTo(0xFF000000);
    }

    @Test
    void wellFormedStream_decodes() throws Exception {
        // Little-endian pixels: bytes 00 00 FF 00 are 0x00FF0000 (red).
        ByteBuffer b = rect(update(2), 0, 0, 2, 1, 0).putInt(0x0000FF00).putInt(0x00FF0000);
        rect(b, 10, 10, 4, 4, 7).put((byte) 0x80).put((byte) 1).put((byte) 2).put((byte) 3);
        Framebuffer fb = decode(bytes(b));
        assertThat(fb.get(0, 0)).isEqualTo(0xFFFF0000);
        assertThat(fb.get(1, 0)).isEqualTo(0xFF00FF00);
        assertThat(fb.get(12, 12)).isEqualTo(0xFF010203);
    }
}
