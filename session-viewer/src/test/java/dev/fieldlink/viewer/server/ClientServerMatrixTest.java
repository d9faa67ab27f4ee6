package dev.fieldlink.viewer.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbSnapshot;
import dev.fieldlink.viewer.rfb.CursorShape;
import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelConverter;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.Rect;
import dev.fieldlink.viewer.testing.ImageDiff;
import dev.fieldlink.viewer.testing.LoopbackServer;
import dev.fieldlink.viewer.testing.Peers;
import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our client against our server for every encoding and pixel format: first frame, a repaint, a move (CopyRect when
 * listed) and a DesktopSize change mid-stream, each compared pixel for pixel with what the source drew (reduced to
 * the pixel format's precision).
 */
class ClientServerMatrixTest {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static final List<PixelFormat> FORMATS = List.of(
            PixelFormat.RGB888_LE,
            PixelFormat.RGB888_BE,
            new PixelFormat(32, 24, false, true, 255, 255, 255, 0, 8, 16),
            new PixelFormat(32, 24, true, true, 255, 255, 255, 8, 16, 24),
            new PixelFormat(24, 24, false, true, 255, 255, 255, 16, 8, 0),
            new PixelFormat(24, 24, true, true, 255, 255, 255, 16, 8, 0),
            PixelFormat.RGB565_LE,
            new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0),
            new PixelFormat(16, 15, false, true, 31, 31, 31, 10, 5, 0),
            PixelFormat.BGR233);

    /** Encoding lists as a client sends them; "tight9" is Tight at compress level 9 (gradient filter). */
    static final List<String> ENCODINGS = List.of("raw", "rre", "hextile", "zrle", "tight", "tight9", "copyrect");

    static Stream<Arguments> matrix() {
        List<Arguments> a = new ArrayList<>();
        for (String e : ENCODINGS) {
            for (PixelFormat f : FORMATS) {
                a.add(Arguments.of(e, f));
            }
        }
        return a.stream();
    }

    static RfbClientConfig config(String enc, PixelFormat pf) {
        RfbClientConfig c = RfbClientConfig.defaults().withPixelFormat(pf);
        switch (enc) {
            case "copyrect":
                return c.withEncodings(List.of(Encodings.COPY_RECT, Encodings.HEXTILE));
            case "tight9":
                return c.withEncodings(List.of(Encodings.TIGHT)).withCompressLevel(9);
            default:
                return c.withEncodings(List.of(Encodings.parse(enc)));
        }
    }

    static BufferedImage reduced(BufferedImage img, PixelFormat pf) {
        PixelConverter pc = new PixelConverter(pf);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                out.setRGB(x, y, pc.roundTrip(img.getRGB(x, y)));
            }
        }
        return out;
    }

    static void awaitMatch(String what, RfbClient client, BufferedImageScreenSource source, PixelFormat pf) {
        BufferedImage[] expected = {reduced(source.snapshot(), pf)};
        try {
            Peers.await(
                    what,
                    TIMEOUT,
                    () -> ImageDiff.of(expected[0], RfbSnapshot.toImage(client.framebuffer()))
                            .identical());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": "
                    + ImageDiff.of(expected[0], RfbSnapshot.toImage(client.framebuffer())) + " " + client.decodeStats()
                    + " end=" + client.end());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("matrix")
    void everyEncodingAndFormat_deliversWhatTheSourceDrew_throughRepaintMoveAndResize(String enc, PixelFormat pf)
            throws Exception {
        BufferedImageScreenSource source = new BufferedImageScreenSource(TestPictures.mixed(320, 200));
        source.setCursor(cursor());
        RfbServer server =
                new RfbServer(source, RfbServerConfig.defaults("matrix").withMaxFramesPerSecond(1000));
        try (LoopbackServer loop = new LoopbackServer(server);
                Socket s = new Socket("127.0.0.1", loop.port())) {
            RfbClient client = RfbClient.connect(s.getInputStream(), s.getOutputStream(), config(enc, pf), null);
            awaitMatch("first frame", client, source, pf);

            source.paint(
                    g -> {
                        g.setColor(new Color(0x3366CC));
                        g.fillRect(20, 30, 50, 40);
                        g.setColor(Color.ORANGE);
                        g.drawString("Temp 81.5 C", 25, 55);
                    },
                    new Rect(20, 30, 140, 40));
            awaitMatch("repaint", client, source, pf);

            source.copyArea(0, 100, 150, 90, 160, 105);
            awaitMatch("move", client, source, pf);
            if (enc.equals("copyrect")) {
                assertThat(client.decodeStats().get("CopyRect")).isPositive();
            }

            source.replace(TestPictures.mixed(256, 160));
            Peers.await("resize", TIMEOUT, () -> client.framebuffer().width() == 256);
            awaitMatch("after resize", client, source, pf);
            assertThat(client.decodeStats().get("ExtendedDesktopSize")).isEqualTo(1);

            Peers.await("cursor", TIMEOUT, () -> !client.cursor().isEmpty());
            CursorShape c = client.cursor();
            assertThat(c.hotX()).isEqualTo(1);
            assertThat(c.argb()[0] >>> 24).isZero();
            assertThat(c.argb()[1 * 8 + 1] & 0xFFFFFF)
                    .isEqualTo(new PixelConverter(pf).roundTrip(0xFFFFFFFF) & 0xFFFFFF);
            client.close();
        }
    }

    static CursorShape cursor() {
        int[] argb = new int[8 * 8];
        for (int i = 0; i < argb.length; i++) {
            int x = i % 8;
            int y = i / 8;
            argb[i] = x == 0 || y == 0 ? 0 : (x + y) % 2 == 0 ? 0xFFFFFFFF : 0xFF000000;
        }
        return new CursorShape(8, 8, 1, 2, argb);
    }
}
