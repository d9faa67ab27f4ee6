package dev.fieldlink.viewer.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelConverter;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.ProtocolVersion;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import dev.fieldlink.viewer.server.BufferedImageScreenSource;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import dev.fieldlink.viewer.server.RfbServerListener;
import dev.fieldlink.viewer.testing.ImageDiff;
import dev.fieldlink.viewer.testing.LoopbackServer;
import dev.fieldlink.viewer.testing.Peers;
import dev.fieldlink.viewer.testing.Screenshots;
import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard VNC clients against our server: vncsnapshot (RFB 3.3, Raw) and TigerVNC's vncviewer (RFB 3.8, Tight)
 * under Xvfb must show what our {@link BufferedImageScreenSource} drew.
 */
class StandardClientsInteropTest {
    /** vncsnapshot only writes JPEG (at quality 100 here): mean absolute channel error allowed. */
    static final double VNCSNAPSHOT_JPEG_TOLERANCE = 2.0;

    static final int W = 640;
    static final int H = 400;
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static BufferedImage picture;
    static LoopbackServer server;
    static final List<ProtocolVersion> versions = new CopyOnWriteArrayList<>();
    static final List<List<Integer>> encodings = new CopyOnWriteArrayList<>();
    static final List<PixelFormat> formats = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void serve() throws Exception {
        picture = TestPictures.mixed(W, H);
        BufferedImageScreenSource source = new BufferedImageScreenSource(picture);
        RfbServerListener record = new RfbServerListener() {
            @Override
            public void clientConnected(ProtocolVersion version, boolean shared) {
                versions.add(version);
            }

            @Override
            public void clientMessage(ClientMessage m) {
                if (m instanceof ClientMessage.SetEncodings e) {
                    encodings.add(e.encodings());
                }
                if (m instanceof ClientMessage.SetPixelFormat f) {
                    formats.add(f.pixelFormat());
                }
            }
        };
        server = new LoopbackServer(new RfbServer(
                source, RfbServerConfig.defaults("Fieldlink test HMI").withListener(record)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void vncsnapshot_speaking33_getsThePicture() throws Exception {
        Path out = dir.resolve("snapshot.jpg");
        Process p = Peers.start(
                dir.resolve("vncsnapshot.log"),
                List.of(
                        "vncsnapshot",
                        "-quiet",
                        "-allowblank",
                        "-encodings",
                        "raw",
                        "-quality",
                        "100",
                        "127.0.0.1::" + server.port(),
                        out.toString()),
                null);
        assertThat(p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("vncsnapshot finished")
                .isTrue();
        assertThat(p.exitValue())
                .as(Files.readString(dir.resolve("vncsnapshot.log")))
                .isZero();
        BufferedImage got = ImageIO.read(out.toFile());
        ImageDiff d = ImageDiff.of(picture, got);
        assertThat(d.meanAbsDiff()).as("%s", d).isLessThanOrEqualTo(VNCSNAPSHOT_JPEG_TOLERANCE);
        assertThat(versions).contains(ProtocolVersion.V3_3);
    }

    @Test
    void tigerVncViewer_speaking38_showsThePictureExactly() throws Exception {
        try (Peers.XServer xvfb =
                Peers.startX(dir, List.of("Xvfb", "-screen", "0", "1024x768x24", "-nolisten", "tcp"))) {
            Process viewer = Peers.start(
                    dir.resolve("vncviewer.log"),
                    List.of(
                            "vncviewer",
                            "-Shared",
                            "-SecurityTypes",
                            "None",
                            "-Log",
                            "*:stderr:30",
                            "-AutoSelect=0",
                            "-FullColor",
                            "-PreferredEncoding=Tight",
                            "127.0.0.1::" + server.port()),
                    xvfb.display());
            try {
                int[] found = {-1, -1};
                BufferedImage[] shot = new BufferedImage[1];
                try {
                    Peers.await("the picture on the viewer's screen", TIMEOUT, () -> {
                        try {
                            shot[0] = Screenshots.xwd(xvfb.display(), dir);
                        } catch (Exception e) {
                            return false;
                        }
                        int[] at = locate(shot[0], picture);
                        found[0] = at[0];
                        found[1] = at[1];
                        return at[0] >= 0;
                    });
                } catch (AssertionError e) {
                    ImageIO.write(shot[0], "png", dir.resolve("viewer.png").toFile());
                    throw new AssertionError(
                            e.getMessage() + "; log: " + Files.readString(dir.resolve("vncviewer.log")));
                }
                BufferedImage inside = shot[0].getSubimage(found[0], found[1], W, H);
                assertThat(ImageDiff.of(picture, inside).identical()).isTrue();
                assertThat(versions).contains(ProtocolVersion.V3_8);
                // The first pixel encoding it lists (pseudo-encodings and CopyRect aside) is Tight.
                assertThat(encodings)
                        .anyMatch(e -> e.stream()
                                .filter(x -> List.of(0, 2, 5, 7, 16).contains(x))
                                .findFirst()
                                .orElse(-1)
                                .equals(Encodings.TIGHT));
            } finally {
                Peers.stop(viewer);
            }
        }
    }

    @Test
    void tigerVncViewer_inLowColourMode_getsOurConversionToItsPixelFormat() throws Exception {
        formats.clear();
        try (Peers.XServer xvfb =
                Peers.startX(dir, List.of("Xvfb", "-screen", "0", "1024x768x24", "-nolisten", "tcp"))) {
            Process viewer = Peers.start(
                    dir.resolve("vncviewer-low.log"),
                    List.of(
                            "vncviewer",
                            "-Shared",
                            "-SecurityTypes",
                            "None",
                            "-Log",
                            "*:stderr:30",
                            "-AutoSelect=0",
                            "-FullColor=0",
                            "-LowColorLevel=2",
                            "127.0.0.1::" + server.port()),
                    xvfb.display());
            try {
                Peers.await("the viewer's pixel format", TIMEOUT, () -> !formats.isEmpty());
                PixelFormat pf = formats.get(formats.size() - 1);
                assertThat(pf.bitsPerPixel()).isEqualTo(8);
                PixelConverter pc = new PixelConverter(pf);
                BufferedImage expected = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        expected.setRGB(x, y, pc.roundTrip(picture.getRGB(x, y)));
                    }
                }
                // The viewer expands 2- and 3-bit channels itself; allow its rounding to differ from ours by 1/255.
                BufferedImage[] shot = new BufferedImage[1];
                Peers.await("the reduced picture on the viewer's screen", TIMEOUT, () -> {
                    try {
                        shot[0] = Screenshots.xwd(xvfb.display(), dir);
                    } catch (Exception e) {
                        return false;
                    }
                    return locateWithin(shot[0], expected, 1)[0] >= 0;
                });
                int[] at = locateWithin(shot[0], expected, 1);
                ImageDiff d = ImageDiff.of(expected, shot[0].getSubimage(at[0], at[1], W, H));
                assertThat(d.maxChannelDiff()).as("%s in %s", d, pf).isLessThanOrEqualTo(1);
            } finally {
                Peers.stop(viewer);
            }
        }
    }

    /** Like {@link #locate} but allowing each channel to differ by {@code tolerance}. */
    static int[] locateWithin(BufferedImage hay, BufferedImage needle, int tolerance) {
        int w = needle.getWidth();
        int h = needle.getHeight();
        for (int y = 0; y + h <= hay.getHeight(); y++) {
            for (int x = 0; x + w <= hay.getWidth(); x++) {
                if (close(hay.getRGB(x, y), needle.getRGB(0, 0), tolerance)
                        && close(hay.getRGB(x + w - 1, y + h - 1), needle.getRGB(w - 1, h - 1), tolerance)
                        && close(hay.getRGB(x + w / 2, y + h / 2), needle.getRGB(w / 2, h / 2), tolerance)
                        && ImageDiff.of(needle, hay.getSubimage(x, y, w, h)).maxChannelDiff() <= tolerance) {
                    return new int[] {x, y};
                }
            }
        }
        return new int[] {-1, -1};
    }

    static boolean close(int a, int b, int tolerance) {
        for (int s = 0; s < 24; s += 8) {
            if (Math.abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /** Top-left corner of {@code needle} inside {@code hay}, or {-1, -1}. */
    static int[] locate(BufferedImage hay, BufferedImage needle) {
        int w = needle.getWidth();
        int h = needle.getHeight();
        int[] probe = {needle.getRGB(0, 0), needle.getRGB(w / 2, h / 2), needle.getRGB(w - 1, h - 1)};
        for (int y = 0; y + h <= hay.getHeight(); y++) {
            for (int x = 0; x + w <= hay.getWidth(); x++) {
                if (hay.getRGB(x, y) == probe[0]
                        && hay.getRGB(x + w / 2, y + h / 2) == probe[1]
                        && hay.getRGB(x + w - 1, y + h - 1) == probe[2]
                        && ImageDiff.of(needle, hay.getSubimage(x, y, w, h)).identical()) {
                    return new int[] {x, y};
                }
            }
        }
        return new int[] {-1, -1};
    }
}
