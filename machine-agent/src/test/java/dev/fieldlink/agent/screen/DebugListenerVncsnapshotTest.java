package dev.fieldlink.agent.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fieldlink.agent.Agent;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.debug.DebugRfbListener;
import dev.fieldlink.agent.testing.XServers;
import dev.fieldlink.testing.MutableClock;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A standard VNC client (vncsnapshot, RFB 3.3, Raw) gets the simulated HMI from the loopback debug listener. */
class DebugListenerVncsnapshotTest {
    @TempDir
    Path dir;

    @Test
    void vncsnapshot_getsAFrame_thatMatchesWhatTheSourceDrew() throws Exception {
        boolean present = XServers.available("vncsnapshot");
        if ("true".equals(System.getenv("CI"))) {
            assertThat(present).as("vncsnapshot is installed by .ci/run").isTrue();
        }
        assumeTrue(present, "vncsnapshot not installed");
        AgentConfig config = AgentConfig.defaults("cut-1").withDataDirectory(dir.resolve("data"));
        try (Agent agent = Agent.builder(config)
                        .clock(MutableClock.at("2026-11-23T08:00:00Z"))
                        .build();
                DebugRfbListener listener =
                        DebugRfbListener.start(DebugRfbListener.parseLoopback("127.0.0.1:0"), agent.screenService())) {
            Path jpg = dir.resolve("frame.jpg");
            Path log = dir.resolve("vncsnapshot.log");
            int rc = XServers.run(
                    Duration.ofSeconds(30),
                    log,
                    "vncsnapshot",
                    "-quiet",
                    "-allowblank",
                    "-encodings",
                    "raw",
                    "-quality",
                    "100",
                    "127.0.0.1::" + listener.port(),
                    jpg.toString());
            assertThat(rc).as(Files.readString(log)).isZero();

            BufferedImage got = ImageIO.read(jpg.toFile());
            BufferedImage drawn = agent.screen().snapshot();
            assertThat(got.getWidth()).isEqualTo(drawn.getWidth());
            assertThat(got.getHeight()).isEqualTo(drawn.getHeight());
            assertThat(meanAbsoluteDifference(got, drawn)).as("JPEG noise only").isLessThan(3.0);
        }
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
