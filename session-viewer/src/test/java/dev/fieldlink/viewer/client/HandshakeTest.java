package dev.fieldlink.viewer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.testing.Poll;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.ProtocolVersion;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.server.BufferedImageScreenSource;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import dev.fieldlink.viewer.testing.ImageDiff;
import dev.fieldlink.viewer.testing.LoopbackServer;
import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandshakeTest {
    @ParameterizedTest(name = "RFB {0}, password {1}")
    @CsvSource({"V3_3,false", "V3_3,true", "V3_7,false", "V3_7,true", "V3_8,false", "V3_8,true"})
    void everyVersion_withNoneOrVncAuth_connectsToOurServer(ProtocolVersion version, boolean password)
            throws Exception {
        BufferedImage picture = TestPictures.hmi(160, 100);
        RfbServerConfig cfg = RfbServerConfig.defaults("v").withVersion(version);
        if (password) {
            cfg = cfg.withPassword("pw12345678"::toCharArray);
        }
        try (LoopbackServer loop = new LoopbackServer(new RfbServer(new BufferedImageScreenSource(picture), cfg))) {
            BufferedImage got = RfbSnapshot.capture(
                    "127.0.0.1",
                    loop.port(),
                    RfbClientConfig.defaults().withPassword("pw12345678"::toCharArray),
                    Duration.ofSeconds(10));
            assertThat(ImageDiff.of(picture, got).identical()).isTrue();
        }
    }

    @Test
    void snapshotOverStreams_fromAServerThatNeverAnswers_failsAtItsDeadlineAndReleasesTheStreams() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket s = new Socket(InetAddress.getLoopbackAddress(), silent.getLocalPort());
                Socket accepted = silent.accept()) {
            assertThatThrownBy(() -> RfbSnapshot.capture(
                            s.getInputStream(),
                            s.getOutputStream(),
                            RfbClientConfig.defaults(),
                            Duration.ofMillis(200)))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("no RFB handshake within 200 ms: the server did not answer");
            assertThat(s.isClosed())
                    .as("the snapshot closed the streams it gave up on")
                    .isTrue();
            accepted.setSoTimeout(5000);
            assertThat(accepted.getInputStream().read())
                    .as("the server sees the connection end")
                    .isEqualTo(-1);
            Poll.until(
                    Duration.ofSeconds(10),
                    "the handshake thread ends",
                    () -> Thread.getAllStackTraces().keySet().stream()
                            .noneMatch(t -> t.getName().equals("rfb-snapshot-handshake")));
        }
    }

    static void connect(byte[] server) throws Exception {
        RfbClient.connect(
                new ByteArrayInputStream(server), new ByteArrayOutputStream(), RfbClientConfig.defaults(), null);
    }

    static byte[] v38(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    static byte[] serverInit(int w, int h, int nameLen) {
        ByteBuffer b = ByteBuffer.allocate(24).putShort((short) w).putShort((short) h);
        b.put(PixelFormat.RGB888_LE.toBytes()).putInt(nameLen);
        return b.array();
    }

    @org.junit.jupiter.api.Test
    void unsupportedSecurity_isRefused_namingWhatTheServerOffered() {
        assertThatThrownBy(() -> connect(v38(new byte[] {2, 19, 18})))
                .isInstanceOf(RfbException.class)
                .hasMessage("server offers security types [VeNCrypt, TLS]; we speak None and VNC Authentication");
    }

    @org.junit.jupiter.api.Test
    void serverRefusal_carriesItsReason() {
        byte[] reason = "too many connections".getBytes(StandardCharsets.UTF_8);
        byte[] msg = ByteBuffer.allocate(5 + reason.length)
                .put((byte) 0)
                .putInt(reason.length)
                .put(reason)
                .array();
        assertThatThrownBy(() -> connect(v38(msg))).hasMessage("server refused the connection: too many connections");
    }

    @org.junit.jupiter.api.Test
    void vncAuthWithoutPassword_isRefused() {
        byte[] msg = ByteBuffer.allocate(18)
                .put((byte) 1)
                .put((byte) 2)
                .put(new byte[16])
                .array();
        assertThatThrownBy(() -> connect(v38(msg))).hasMessage("server asks for a VNC password; none given");
    }

    @org.junit.jupiter.api.Test
    void serverInitAboveLimits_isRefused() {
        byte[] ok = {1, 1, 0, 0, 0, 0};
        assertThatThrownBy(() -> connect(v38(ok, serverInit(20000, 10, 0))))
                .hasMessageContaining("ServerInit: desktop size 20000x10 exceeds the limit");
        assertThatThrownBy(() -> connect(v38(ok, serverInit(10, 10, 1 << 30))))
                .hasMessageContaining("ServerInit: name length 1073741824 exceeds the limit of 4096");
    }

    @org.junit.jupiter.api.Test
    void notRfb_isRefused() {
        assertThatThrownBy(() -> connect("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("ProtocolVersion: 'SSH-2.0-Open' is not");
    }
}
