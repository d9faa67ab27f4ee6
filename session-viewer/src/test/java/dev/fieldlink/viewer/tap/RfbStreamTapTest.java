package dev.fieldlink.viewer.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.ProtocolVersion;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbLimits;
import dev.fieldlink.viewer.rfb.ServerInit;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import dev.fieldlink.viewer.rfb.message.ClientMessageWriter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RfbStreamTapTest {
    static final List<ClientMessage> MESSAGES = List.of(
            new ClientMessage.SetEncodings(List.of(16, 0)),
            new ClientMessage.PointerEvent(1, 5, 6),
            new ClientMessage.KeyEvent(true, 'x'));

    record Conversation(byte[] server, byte[] client) {}

    /** A handshake of the given version and security type, then client messages. */
    static Conversation conversation(int minor, int security, boolean authOk) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        s.writeBytes("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        c.writeBytes(String.format("RFB 003.%03d\n", minor).getBytes(StandardCharsets.US_ASCII));
        if (minor == 3) {
            s.writeBytes(ByteBuffer.allocate(4).putInt(security).array());
        } else {
            s.writeBytes(new byte[] {2, 1, 2});
            c.write(security);
        }
        if (security == 2) {
            s.writeBytes(new byte[16]);
            c.writeBytes(new byte[16]);
        }
        if (security == 2 || minor == 8) {
            s.writeBytes(ByteBuffer.allocate(4).putInt(authOk ? 0 : 1).array());
            if (!authOk) {
                if (minor == 8) {
                    byte[] why = "bad password".getBytes(StandardCharsets.UTF_8);
                    s.writeBytes(ByteBuffer.allocate(4).putInt(why.length).array());
                    s.writeBytes(why);
                }
                return new Conversation(s.toByteArray(), c.toByteArray());
            }
        }
        c.write(1);
        s.writeBytes(ByteBuffer.allocate(4)
                .putShort((short) 640)
                .putShort((short) 480)
                .array());
        s.writeBytes(PixelFormat.RGB888_LE.toBytes());
        byte[] name = "HMI".getBytes(StandardCharsets.UTF_8);
        s.writeBytes(ByteBuffer.allocate(4).putInt(name.length).array());
        s.writeBytes(name);
        for (ClientMessage m : MESSAGES) {
            c.writeBytes(ClientMessageWriter.encode(m));
        }
        return new Conversation(s.toByteArray(), c.toByteArray());
    }

    static final class Recorder implements TapListener {
        final List<String> events = new ArrayList<>();
        final List<ClientMessage> messages = new ArrayList<>();

        @Override
        public void versionNegotiated(ProtocolVersion v) {
            events.add("version " + v);
        }

        @Override
        public void securityChosen(int type) {
            events.add("security " + type);
        }

        @Override
        public void securityResult(boolean ok, String reason) {
            events.add("result " + ok + " " + reason);
        }

        @Override
        public void clientInit(boolean shared) {
            events.add("clientInit " + shared);
        }

        @Override
        public void serverInit(ServerInit init) {
            events.add("serverInit " + init.width() + "x" + init.height() + " " + init.name());
        }

        @Override
        public void clientMessage(ClientMessage m) {
            messages.add(m);
        }
    }

    @ParameterizedTest(name = "RFB 3.{0}, security {1}, order {2}")
    @CsvSource({
        "3,1,interleaved",
        "3,2,interleaved",
        "7,1,interleaved",
        "7,2,server-first",
        "8,1,client-first",
        "8,2,interleaved",
        "8,2,client-first",
        "3,2,client-first"
    })
    void followsHandshake_inAnyArrivalOrder_thenParsesClientMessages(int minor, int security, String order)
            throws Exception {
        Conversation conv = conversation(minor, security, true);
        Recorder rec = new Recorder();
        RfbStreamTap tap = RfbStreamTap.clientOnly(RfbLimits.DEFAULT, rec);
        feed(tap, conv, order);
        assertThat(tap.state()).isEqualTo(RfbStreamTap.State.MESSAGES);
        assertThat(rec.messages).isEqualTo(MESSAGES);
        assertThat(rec.events)
                .contains(
                        "version V3_" + minor,
                        "security " + security,
                        "result true ",
                        "clientInit true",
                        "serverInit 640x480 HMI");
        assertThat(tap.securityType()).isEqualTo(security);
    }

    @ParameterizedTest
    @CsvSource({"8", "7", "3"})
    void failedAuthentication_isReported_andEndsTheTap(int minor) throws Exception {
        Conversation conv = conversation(minor, 2, false);
        Recorder rec = new Recorder();
        RfbStreamTap tap = RfbStreamTap.clientOnly(RfbLimits.DEFAULT, rec);
        tap.clientToServer(conv.client(), 0, conv.client().length);
        assertThatThrownBy(() -> tap.serverToClient(conv.server(), 0, conv.server().length))
                .isInstanceOf(RfbException.class)
                .hasMessageContaining("authentication failed");
        assertThat(rec.events).anyMatch(e -> e.startsWith("result false"));
        assertThat(tap.state()).isEqualTo(RfbStreamTap.State.FAILED);
    }

    @org.junit.jupiter.api.Test
    void securityTypeItCannotFollow_isRefusedByName() throws Exception {
        RfbStreamTap tap = RfbStreamTap.clientOnly(RfbLimits.DEFAULT, new Recorder());
        tap.serverToClient("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), 0, 12);
        tap.serverToClient(new byte[] {1, 19}, 0, 2);
        tap.clientToServer("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), 0, 12);
        assertThatThrownBy(() -> tap.clientToServer(new byte[] {19}, 0, 1))
                .hasMessageContaining("security type VeNCrypt cannot be followed");
    }

    @org.junit.jupiter.api.Test
    void garbageInsteadOfVersion_isRefused() {
        RfbStreamTap tap = RfbStreamTap.clientOnly(RfbLimits.DEFAULT, new Recorder());
        byte[] http = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> tap.clientToServer(http, 0, http.length))
                .hasMessageContaining("ProtocolVersion: 'GET / HTTP/1' is not");
    }

    @org.junit.jupiter.api.Test
    void clientOnlyTap_dropsTheServerStreamAfterServerInit_evenWhenUpdatesFollowInTheSameChunks() throws Exception {
        Conversation conv = conversation(8, 1, true);
        Recorder rec = new Recorder();
        RfbStreamTap tap = RfbStreamTap.clientOnly(RfbLimits.DEFAULT, rec);
        int limit = RfbStreamTap.handshakeBuffer(RfbLimits.DEFAULT);
        // A client that pipelines ClientInit and its update request gets ServerInit and the first update in one
        // chunk, then more updates: together several times the handshake buffer.
        tap.clientToServer(conv.client(), 0, conv.client().length);
        byte[] update = new byte[limit - conv.server().length];
        tap.serverToClient(concat(conv.server(), update), 0, conv.server().length + update.length);
        for (int i = 0; i < 3; i++) {
            tap.serverToClient(update, 0, update.length);
        }
        assertThat(tap.state()).isEqualTo(RfbStreamTap.State.MESSAGES);
        assertThat(rec.messages).isEqualTo(MESSAGES);
        assertThat(rec.events).contains("serverInit 640x480 HMI");
    }

    @org.junit.jupiter.api.Test
    void clientOnlyTap_refusesAServerHandshakeLargerThanItsBuffer_namingTheLimit() throws Exception {
        RfbStreamTap tap = RfbStreamTap.clientOnly(RfbLimits.DEFAULT, new Recorder());
        int limit = RfbStreamTap.handshakeBuffer(RfbLimits.DEFAULT);
        tap.serverToClient("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII), 0, 12);
        byte[] flood = new byte[limit + 1];
        // Before the client has even sent its version, the server side pushes more than a handshake can be.
        assertThatThrownBy(() -> tap.serverToClient(flood, 0, flood.length))
                .isInstanceOf(RfbException.class)
                .hasMessageContaining("server handshake")
                .hasMessageContaining("exceed the buffer limit of " + limit);
        assertThat(tap.state()).isEqualTo(RfbStreamTap.State.FAILED);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static void feed(RfbStreamTap tap, Conversation conv, String order) throws RfbException {
        byte[] s = conv.server();
        byte[] c = conv.client();
        switch (order) {
            case "server-first":
                tap.serverToClient(s, 0, s.length);
                tap.clientToServer(c, 0, c.length);
                break;
            case "client-first":
                tap.clientToServer(c, 0, c.length);
                tap.serverToClient(s, 0, s.length);
                break;
            default:
                for (int i = 0; i < Math.max(s.length, c.length); i++) {
                    if (i < s.length) {
                        tap.serverToClient(s, i, 1);
                    }
                    if (i < c.length) {
                        tap.clientToServer(c, i, 1);
                    }
                }
        }
    }
}
