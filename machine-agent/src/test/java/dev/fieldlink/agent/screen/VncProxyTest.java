package dev.fieldlink.agent.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.debug.DebugRfbListener;
import dev.fieldlink.agent.screen.vncproxy.ClientTapStream;
import dev.fieldlink.agent.screen.vncproxy.VncProxyService;
import dev.fieldlink.agent.testing.XServers;
import dev.fieldlink.testing.Poll;
import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbClientListener;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import java.awt.image.BufferedImage;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vnc-proxy against a real Xvnc that wants a password, read by a real VNC client (vncsnapshot, RFB 3.3) through the
 * agent's loopback debug listener: the agent answers the password itself and the client needs none.
 */
class VncProxyTest {
    @TempDir
    Path dir;

    @Test
    void viewerInput_isParsedOnItsWayToTheVncServer() throws Exception {
        assumeTrue(XServers.available("Xvnc"), "Xvnc not installed");
        List<ClientMessage> seen = new CopyOnWriteArrayList<>();
        try (XServers.Xvnc xvnc = XServers.xvnc(null, dir.resolve("x.log"))) {
            VncProxyService proxy = new VncProxyService(
                    new ScreenSettings.VncProxy("127.0.0.1", xvnc.port(), null),
                    out -> new ClientTapStream(out, seen::add));
            try (DebugRfbListener listener =
                            DebugRfbListener.start(DebugRfbListener.parseLoopback("127.0.0.1:0"), proxy);
                    Socket socket = new Socket("127.0.0.1", listener.port())) {
                var viewer = RfbClient.connect(
                        socket.getInputStream(),
                        socket.getOutputStream(),
                        RfbClientConfig.defaults(),
                        new RfbClientListener() {});
                viewer.pointer(1, 10, 20);
                viewer.pointer(0, 10, 20);
                viewer.key(true, 'x');
                viewer.key(false, 'x');
                Poll.until(
                        Duration.ofSeconds(10),
                        "input parsed",
                        () -> seen.stream()
                                        .filter(m -> m instanceof ClientMessage.KeyEvent)
                                        .count()
                                == 2);
                assertThat(seen).contains(new ClientMessage.PointerEvent(1, 10, 20));
                viewer.close();
            }
        }
    }

    @Test
    void standardClient_getsTheVncServersPicture_throughTheProxy_withoutKnowingThePassword() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        boolean tools = XServers.available("Xvnc")
                && XServers.available("vncpasswd")
                && XServers.available("vncsnapshot")
                && XServers.available("xsetroot");
        if (ci) {
            assertThat(tools)
                    .as("Xvnc, vncpasswd, vncsnapshot and xsetroot are installed by .ci/run")
                    .isTrue();
        }
        assumeTrue(tools, "TigerVNC tools not installed");
        Path log = dir.resolve("x.log");
        Path password = dir.resolve("vnc.pass");
        Process vncpasswd = new ProcessBuilder("vncpasswd", "-f")
                .redirectOutput(password.toFile())
                .start();
        vncpasswd.getOutputStream().write("s3cret-pw\n".getBytes());
        vncpasswd.getOutputStream().close();
        assertThat(vncpasswd.waitFor()).isZero();
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));

        try (XServers.Xvnc xvnc = XServers.xvnc(password, log)) {
            ProcessBuilder paint = new ProcessBuilder("xsetroot", "-solid", "#20c040");
            paint.environment().putAll(Map.of("DISPLAY", ":" + xvnc.display()));
            assertThat(paint.redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start()
                            .waitFor())
                    .isZero();

            VncProxyService proxy =
                    new VncProxyService(new ScreenSettings.VncProxy("127.0.0.1", xvnc.port(), password), out -> out);
            try (DebugRfbListener listener =
                    DebugRfbListener.start(DebugRfbListener.parseLoopback("127.0.0.1:0"), proxy)) {
                Path jpg = dir.resolve("frame.jpg");
                int rc = XServers.run(
                        Duration.ofSeconds(30),
                        log,
                        "vncsnapshot",
                        "-quiet",
                        "-allowblank",
                        "-encodings",
                        "raw",
                        "127.0.0.1::" + listener.port(),
                        jpg.toString());
                assertThat(rc).as(Files.readString(log)).isZero();
                BufferedImage frame = ImageIO.read(jpg.toFile());
                assertThat(frame.getWidth()).isEqualTo(800);
                assertThat(frame.getHeight()).isEqualTo(600);
                int rgb = frame.getRGB(400, 300);
                assertThat((rgb >> 8) & 0xff).as("green").isGreaterThan(0xa0);
                assertThat((rgb >> 16) & 0xff).as("red").isLessThan(0x60);
            }
        }
    }
}
