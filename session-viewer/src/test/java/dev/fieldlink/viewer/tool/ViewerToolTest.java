package dev.fieldlink.viewer.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.viewer.server.BufferedImageScreenSource;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import dev.fieldlink.viewer.testing.ImageDiff;
import dev.fieldlink.viewer.testing.LoopbackServer;
import dev.fieldlink.viewer.testing.Peers;
import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewerToolTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return ViewerTool.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void snapshot_writesThePngOfWhatTheServerShows_withVncPassword() throws Exception {
        BufferedImage picture = TestPictures.hmi(320, 200);
        RfbServer server = new RfbServer(
                new BufferedImageScreenSource(picture),
                RfbServerConfig.defaults("HMI").withPassword("s3cret"::toCharArray));
        Path pw = Files.writeString(dir.resolve("pw"), "s3cret\n");
        Path png = dir.resolve("frame.png");
        try (LoopbackServer loop = new LoopbackServer(server)) {
            int code = run(
                    "snapshot",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(loop.port()),
                    "--password-file",
                    pw.toString(),
                    "--encoding",
                    "zrle",
                    "--out",
                    png.toString());
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }
        assertThat(ImageDiff.of(picture, ImageIO.read(png.toFile())).identical())
                .isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("320x200");
    }

    @Test
    void wrongPassword_failsWithExitCode1_andAClearMessage() throws Exception {
        RfbServer server = new RfbServer(
                new BufferedImageScreenSource(64, 64),
                RfbServerConfig.defaults("HMI").withPassword("right"::toCharArray));
        Path pw = Files.writeString(dir.resolve("pw"), "wrong\n");
        try (LoopbackServer loop = new LoopbackServer(server)) {
            int code = run(
                    "snapshot",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(loop.port()),
                    "--password-file",
                    pw.toString(),
                    "--out",
                    dir.resolve("x.png").toString());
            assertThat(code).isEqualTo(1);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("authentication failed")
                .doesNotContain("Exception");
    }

    @Test
    void nothingListening_failsWithExitCode1_namingTheAddress() throws Exception {
        int port = Peers.freePort();
        int code = run(
                "snapshot",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--timeout",
                "2",
                "--out",
                dir.resolve("x.png").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("127.0.0.1:" + port);
    }

    @Test
    void usageErrors_exitWith2() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("snapshot", "--host", "h")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port is required");
        assertThat(run("snapshot", "--host", "h", "--port", "99999", "--out", "x"))
                .isEqualTo(2);
        assertThat(run("snapshot", "--host", "h", "--port", "1", "--encoding", "jpeg", "--out", "x"))
                .isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("snapshot --host H --port P");
    }
}
