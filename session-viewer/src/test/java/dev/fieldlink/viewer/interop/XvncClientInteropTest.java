package dev.fieldlink.viewer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbSnapshot;
import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.decode.DecodeStats;
import dev.fieldlink.viewer.testing.ImageDiff;
import dev.fieldlink.viewer.testing.PainterProcess;
import dev.fieldlink.viewer.testing.Peers;
import dev.fieldlink.viewer.testing.Screenshots;
import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our client against TigerVNC's Xvnc showing a known picture: each encoding forced on its own must give exactly the
 * X server's own screenshot (Tight JPEG: mean channel error at most 3, see {@link #JPEG_MEAN_TOLERANCE}).
 */
class XvncClientInteropTest {
    /** Tight JPEG at quality 9 (TigerVNC: libjpeg quality 95): mean absolute channel error allowed. */
    static final double JPEG_MEAN_TOLERANCE = 3.0;

    static final int W = 800;
    static final int H = 600;
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    static Peers.XServer xvnc;
    static int port;
    static PainterProcess painter;
    static BufferedImage reference;

    @BeforeAll
    static void startXvnc() throws Exception {
        port = Peers.freePort();
        xvnc = Peers.startX(
                dir,
                List.of(
                        "Xvnc",
                        "-geometry",
                        W + "x" + H,
                        "-depth",
                        "24",
                        "-rfbport",
                        String.valueOf(port),
                        "-interface",
                        "127.0.0.1",
                        "-SecurityTypes",
                        "None",
                        "-AlwaysShared",
                        "-nolisten",
                        "tcp"));
        Peers.awaitRfb(port, TIMEOUT);
        Path png = TestPictures.write(TestPictures.mixed(W, H), dir.resolve("picture.png"));
        painter = PainterProcess.show(xvnc.display(), png, dir.resolve("painter.log"));
        reference = Screenshots.xwd(xvnc.display(), dir);
        BufferedImage picture = TestPictures.mixed(W, H);
        assertThat(ImageDiff.of(picture, reference).differing())
                .as("the X server shows the picture")
                .isLessThan(W * H / 100);
    }

    @AfterAll
    static void stop() {
        if (painter != null) {
            painter.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
    }

    static RfbClientConfig only(int encoding) {
        return RfbClientConfig.defaults().withEncodings(List.of(encoding));
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "rre", "hextile", "zrle", "tight"})
    void eachLosslessEncodingAlone_givesTheServersScreenshotExactly(String name) throws Exception {
        int enc = Encodings.parse(name);
        DecodeStats[] stats = new DecodeStats[1];
        BufferedImage frame = capture(only(enc), stats, 0);
        assertThat(ImageDiff.of(reference, frame).identical())
                .as("%s: %s", name, ImageDiff.of(reference, frame))
                .isTrue();
        assertThat(stats[0].snapshot().keySet())
                .as("decoded rectangles")
                .anyMatch(k -> k.startsWith(
                        name.equals("tight")
                                ? "Tight"
                                : name.equals("zrle")
                                        ? "ZRLE"
                                        : name.equals("rre") ? "RRE" : name.equals("hextile") ? "Hextile" : "Raw"));
    }

    @Test
    void tightJpeg_isWithinTolerance_andReallyUsesJpeg() throws Exception {
        DecodeStats[] stats = new DecodeStats[1];
        BufferedImage frame = capture(only(Encodings.TIGHT).withJpegQuality(9), stats, JPEG_MEAN_TOLERANCE);
        ImageDiff d = ImageDiff.of(reference, frame);
        assertThat(stats[0].get("Tight.jpeg"))
                .as("JPEG rectangles: %s", stats[0])
                .isPositive();
        assertThat(d.meanAbsDiff()).as("%s", d).isLessThanOrEqualTo(JPEG_MEAN_TOLERANCE);
    }

    @Test
    void jpegQuality_switchedMidSession_changesWhatTheServerSends_bothWays() throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            RfbClient client = RfbClient.connect(s.getInputStream(), s.getOutputStream(), only(Encodings.TIGHT), null);
            try {
                client.pointer(0, W - 1, H - 1);
                Peers.await(
                        "the exact picture",
                        TIMEOUT,
                        () -> ImageDiff.of(reference, RfbSnapshot.toImage(client.framebuffer()))
                                .identical());
                assertThat(client.decodeStats().get("Tight.jpeg")).isZero();

                client.setJpegQuality(9);
                Peers.await(
                        "JPEG rectangles", TIMEOUT, () -> client.decodeStats().get("Tight.jpeg") > 0);
                Peers.await(
                        "the JPEG picture within tolerance",
                        TIMEOUT,
                        () -> ImageDiff.of(reference, RfbSnapshot.toImage(client.framebuffer()))
                                        .meanAbsDiff()
                                <= JPEG_MEAN_TOLERANCE);

                client.setJpegQuality(-1);
                Peers.await(
                        "the exact picture again",
                        TIMEOUT,
                        () -> ImageDiff.of(reference, RfbSnapshot.toImage(client.framebuffer()))
                                .identical());
            } finally {
                client.close();
            }
        }
    }

    @Test
    void tightWithoutJpeg_usesFillAndCopy_andZrleIsUsed() throws Exception {
        DecodeStats[] stats = new DecodeStats[1];
        capture(only(Encodings.TIGHT), stats, 0);
        assertThat(stats[0].get("Tight.fill")).as("%s", stats[0]).isPositive();
        assertThat(stats[0].get("Tight.copy")).as("%s", stats[0]).isPositive();
        assertThat(stats[0].get("Tight.jpeg")).as("%s", stats[0]).isZero();
        capture(only(Encodings.ZRLE), stats, 0);
        assertThat(stats[0].get("ZRLE")).isPositive();
    }

    @Test
    void copyRect_followsAnXCopyArea() throws Exception {
        RfbClientConfig config = RfbClientConfig.defaults().withEncodings(List.of(Encodings.COPY_RECT, Encodings.RAW));
        try (Socket s = new Socket("127.0.0.1", port)) {
            RfbClient client = RfbClient.connect(s.getInputStream(), s.getOutputStream(), config, null);
            client.pointer(0, W - 1, H - 1);
            Peers.await("first frame", TIMEOUT, () -> client.decodeStats().get("Raw") > 0);
            try {
                painter.copy(10, 10, 200, 150, 300, 320);
                BufferedImage moved = Screenshots.xwd(xvnc.display(), dir);
                Peers.await("CopyRect", TIMEOUT, () -> client.decodeStats().get("CopyRect") > 0);
                try {
                    Peers.await(
                            "client to match the moved screen",
                            TIMEOUT,
                            () -> ImageDiff.of(moved, RfbSnapshot.toImage(client.framebuffer()))
                                    .identical());
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + ": "
                            + ImageDiff.of(moved, RfbSnapshot.toImage(client.framebuffer())) + " "
                            + client.decodeStats()
                            + " vs original " + ImageDiff.of(reference, moved));
                }
            } finally {
                client.close();
                // Restore the picture for the other tests.
                painter.show(dir.resolve("picture.png"));
            }
        }
        assertThat(ImageDiff.of(reference, Screenshots.xwd(xvnc.display(), dir)).identical())
                .isTrue();
    }

    @Test
    void cursorShape_arrivesAsPseudoEncoding() throws Exception {
        DecodeStats[] stats = new DecodeStats[1];
        capture(RfbClientConfig.defaults(), stats, 0);
        assertThat(stats[0].get("Cursor")).isPositive();
    }

    @Test
    void vncAuth_withRightPassword_connects_andWrongPassword_isRefusedByName() throws Exception {
        Path pwFile = dir.resolve("passwd");
        Process p = new ProcessBuilder("bash", "-c", "echo s3cret | vncpasswd -f > " + pwFile).start();
        assertThat(p.waitFor()).isZero();
        int authPort = Peers.freePort();
        try (Peers.XServer auth = Peers.startX(
                dir,
                List.of(
                        "Xvnc",
                        "-geometry",
                        "320x200",
                        "-depth",
                        "24",
                        "-rfbport",
                        String.valueOf(authPort),
                        "-interface",
                        "127.0.0.1",
                        "-SecurityTypes",
                        "VncAuth",
                        "-PasswordFile",
                        pwFile.toString(),
                        "-nolisten",
                        "tcp"))) {
            assertThat(auth.display()).startsWith(":");
            Peers.awaitRfb(authPort, TIMEOUT);
            BufferedImage ok = RfbSnapshot.capture(
                    "127.0.0.1", authPort, RfbClientConfig.defaults().withPassword("s3cret"::toCharArray), TIMEOUT);
            assertThat(ok.getWidth()).isEqualTo(320);
            try {
                RfbSnapshot.capture(
                        "127.0.0.1", authPort, RfbClientConfig.defaults().withPassword("wrong"::toCharArray), TIMEOUT);
                throw new AssertionError("wrong password accepted");
            } catch (RfbException e) {
                assertThat(e.kind()).isEqualTo(RfbException.Kind.AUTHENTICATION);
                assertThat(e.getMessage()).contains("authentication failed");
            }
        }
    }

    /**
     * Connects, moves the pointer to the bottom-right corner (TigerVNC draws the cursor into the picture while it
     * stands where this client did not put it), and waits until the frame is within {@code meanTolerance} of the
     * reference; returns the last frame either way.
     */
    static BufferedImage capture(RfbClientConfig config, DecodeStats[] stats, double meanTolerance) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout((int) TIMEOUT.toMillis());
            RfbClient client = RfbClient.connect(s.getInputStream(), s.getOutputStream(), config, null);
            stats[0] = client.decodeStats();
            client.pointer(0, W - 1, H - 1);
            client.requestUpdate(false);
            try {
                Peers.await(
                        "a matching frame",
                        TIMEOUT,
                        () -> client.stats().updates() > 0
                                && ImageDiff.of(reference, RfbSnapshot.toImage(client.framebuffer()))
                                                .meanAbsDiff()
                                        <= meanTolerance
                                && (meanTolerance > 0
                                        || ImageDiff.of(reference, RfbSnapshot.toImage(client.framebuffer()))
                                                .identical()));
            } catch (AssertionError e) {
                // Fall through: the caller's assertion reports the difference.
            }
            BufferedImage img = RfbSnapshot.toImage(client.framebuffer());
            client.close();
            return img;
        }
    }
}
