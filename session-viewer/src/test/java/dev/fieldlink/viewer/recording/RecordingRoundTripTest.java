package dev.fieldlink.viewer.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.testing.MutableClock;
import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbSnapshot;
import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelConverter;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.Rect;
import dev.fieldlink.viewer.server.BufferedImageScreenSource;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import dev.fieldlink.viewer.testing.ImageDiff;
import dev.fieldlink.viewer.testing.LoopbackServer;
import dev.fieldlink.viewer.testing.Peers;
import dev.fieldlink.viewer.testing.RecordingSplice;
import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records a live session through a splice, then replays it: the frame at each chosen time equals what the live
 * client showed then, whether reached by decoding from the start, by seeking back, or from a keyframe; a file cut
 * inside a record still replays up to it.
 */
class RecordingRoundTripTest {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    record Live(long atMillis, BufferedImage frame) {}

    @ParameterizedTest
    @ValueSource(strings = {"zrle", "tight", "hextile"})
    void replayedFrames_equalTheLiveOnes_atChosenTimes(String encoding) throws Exception {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        BufferedImageScreenSource source = new BufferedImageScreenSource(TestPictures.mixed(400, 300));
        RfbServer server = new RfbServer(source, RfbServerConfig.defaults("rec").withMaxFramesPerSecond(1000));
        Path file = dir.resolve("session.flrec");
        List<Live> live = new ArrayList<>();
        long start = clock.millis();
        try (LoopbackServer loop = new LoopbackServer(server);
                OutputStream out = Files.newOutputStream(file)) {
            SessionRecorder recorder = new SessionRecorder(
                    out, "session-42", clock, RecorderOptions.defaults().withKeyframeInterval(Duration.ofSeconds(5)));
            try (RecordingSplice splice = new RecordingSplice(loop.port(), recorder);
                    Socket s = new Socket("127.0.0.1", splice.port())) {
                RfbClientConfig cfg = RfbClientConfig.defaults()
                        .withEncodings(List.of(Encodings.COPY_RECT, Encodings.parse(encoding)))
                        .withClock(clock);
                RfbClient client = RfbClient.connect(s.getInputStream(), s.getOutputStream(), cfg, null);
                PixelFormat[] format = {PixelFormat.RGB888_LE};
                for (int step = 0; step < 9; step++) {
                    final int n = step;
                    if (step == 4) {
                        format[0] = PixelFormat.RGB565_LE;
                        client.setPixelFormat(format[0]);
                    }
                    if (step == 6) {
                        source.replace(TestPictures.mixed(320, 240));
                    } else if (step == 7) {
                        source.copyArea(0, 0, 100, 80, 150, 100);
                    } else if (step > 0) {
                        source.paint(
                                g -> {
                                    g.setColor(new Color(0x102030 * n));
                                    g.fillRect(10 + n * 20, 20 + n * 7, 60, 30);
                                },
                                new Rect(10 + n * 20, 20 + n * 7, 60, 30));
                    }
                    awaitMatch(client, source, format[0]);
                    live.add(new Live(clock.millis() - start, RfbSnapshot.toImage(client.framebuffer())));
                    clock.advance(Duration.ofMillis(2600));
                }
                client.close();
            }
            recorder.close("technician ended");
            assertThat(recorder.keyframes()).isGreaterThanOrEqualTo(3);
        }

        try (ReplayPlayer player = ReplayPlayer.open(file, clock)) {
            RecordingReader r = player.recording();
            assertThat(r.header().sessionId()).isEqualTo("session-42");
            assertThat(r.header().width()).isEqualTo(400);
            assertThat(r.header().pixelFormat()).isEqualTo(PixelFormat.RGB888_LE);
            assertThat(r.ended()).isTrue();
            assertThat(r.endReason()).isEqualTo("technician ended");
            assertThat(r.truncated()).isFalse();
            for (Live l : live) {
                assertEqual(player.frameAt(Duration.ofMillis(l.atMillis())), l, "forward");
            }
            // Backwards: restores a keyframe (or the start) and decodes forward again.
            for (int i = live.size() - 1; i >= 0; i--) {
                assertEqual(player.frameAt(Duration.ofMillis(live.get(i).atMillis())), live.get(i), "backward");
            }
            assertThat(player.error()).isNull();
        }

        // Playing: media time follows the clock times the speed, clamped to 1x..16x, and stops at the end.
        try (ReplayPlayer player = ReplayPlayer.open(file, clock)) {
            player.seek(Duration.ZERO);
            player.setSpeed(4);
            player.play();
            clock.advance(Duration.ofMillis(1300));
            player.tick();
            assertThat(player.position()).isEqualTo(Duration.ofMillis(5200));
            assertEqual(player.image(), live.get(2), "playing at 4x");
            player.pause();
            clock.advance(Duration.ofSeconds(5));
            player.tick();
            assertThat(player.position()).isEqualTo(Duration.ofMillis(5200));
            player.setSpeed(100);
            assertThat(player.speed()).isEqualTo(16);
            player.play();
            clock.advance(Duration.ofSeconds(60));
            player.tick();
            assertThat(player.playing()).isFalse();
            assertThat(player.position()).isEqualTo(player.duration());
            List<Path> frames = player.exportFrames(dir.resolve("frames"), Duration.ofSeconds(5));
            assertThat(frames).hasSize((int) (player.duration().toMillis() / 5000) + 1);
            assertThat(frames.get(1).getFileName()).hasToString("frame-00005s.png");
            assertThatThrownBy(() -> player.exportFrames(dir.resolve("none"), Duration.ofNanos(500)))
                    .hasMessageContaining("at least 1 ms");
            assertEqual(javax.imageio.ImageIO.read(frames.get(0).toFile()), live.get(0), "exported PNG");
        }

        // A crash mid-record: everything before the cut still replays.
        long size = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size - 7);
        }
        try (ReplayPlayer player = ReplayPlayer.open(file, clock)) {
            assertThat(player.recording().truncated()).isTrue();
            assertThat(player.recording().ended()).isFalse();
            Live last = live.get(live.size() - 2);
            assertEqual(player.frameAt(Duration.ofMillis(last.atMillis())), last, "after truncation");
        }
    }

    static void assertEqual(BufferedImage replayed, Live live, String how) {
        ImageDiff d = ImageDiff.of(live.frame(), replayed);
        assertThat(d.identical()).as("%s at %d ms: %s", how, live.atMillis(), d).isTrue();
    }

    static void awaitMatch(RfbClient client, BufferedImageScreenSource source, PixelFormat pf) {
        PixelConverter pc = new PixelConverter(pf);
        Peers.await("the client to show the source", TIMEOUT, () -> {
            BufferedImage src = source.snapshot();
            if (client.framebuffer().width() != src.getWidth()) {
                return false;
            }
            int[] fb = client.framebuffer().copy();
            for (int y = 0; y < src.getHeight(); y++) {
                for (int x = 0; x < src.getWidth(); x++) {
                    if ((fb[y * src.getWidth() + x] & 0xFFFFFF) != (pc.roundTrip(src.getRGB(x, y)) & 0xFFFFFF)) {
                        return false;
                    }
                }
            }
            return true;
        });
    }
}
