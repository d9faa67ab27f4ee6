package dev.fieldlink.viewer.rfb.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.RfbException;
import dev.fieldlink.viewer.rfb.RfbLimits;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientMessageReaderTest {
    static final List<ClientMessage> ALL = List.of(
            new ClientMessage.SetPixelFormat(PixelFormat.RGB565_LE),
            new ClientMessage.SetEncodings(List.of(16, 7, 5, 1, 0, -223, -239)),
            new ClientMessage.FramebufferUpdateRequest(true, 1, 2, 300, 400),
            new ClientMessage.KeyEvent(true, 0x61),
            new ClientMessage.KeyEvent(false, 0x0100_20AC),
            new ClientMessage.PointerEvent(5, 65535, 7),
            new ClientMessage.ClientCutText("Grüße"),
            new ClientMessage.EnableContinuousUpdates(true, 0, 0, 800, 600),
            new ClientMessage.SetDesktopSize(1024, 768, 1),
            new ClientMessage.QemuKeyEvent(true, 0xFF0D, 28));

    static byte[] stream(List<ClientMessage> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ClientMessage m : messages) {
            out.writeBytes(ClientMessageWriter.encode(m));
        }
        return out.toByteArray();
    }

    @Test
    void everyMessageType_roundTrips_whetherFedWholeOrByteByByte() throws Exception {
        byte[] all = stream(ALL);
        List<ClientMessage> whole = new ArrayList<>();
        new ClientMessageReader(RfbLimits.DEFAULT, whole::add).feed(all, 0, all.length);
        List<ClientMessage> bytes = new ArrayList<>();
        ClientMessageReader r = new ClientMessageReader(RfbLimits.DEFAULT, bytes::add);
        for (int i = 0; i < all.length; i++) {
            r.feed(all, i, 1);
        }
        assertThat(whole).isEqualTo(ALL);
        assertThat(bytes).isEqualTo(ALL);
        assertThat(r.messageCount()).isEqualTo(ALL.size());
        assertThat(r.messageBoundary()).isEqualTo(all.length);
    }

    @Test
    void fence_payloadSurvives() throws Exception {
        byte[] b = ClientMessageWriter.encode(new ClientMessage.ClientFence(0x80000003, new byte[] {1, 2, 3}));
        List<ClientMessage> got = new ArrayList<>();
        new ClientMessageReader(RfbLimits.DEFAULT, got::add).feed(b, 0, b.length);
        ClientMessage.ClientFence f = (ClientMessage.ClientFence) got.get(0);
        assertThat(f.flags()).isEqualTo(0x80000003);
        assertThat(f.payload()).containsExactly(1, 2, 3);
    }

    @Test
    void partialMessage_isHeldUntilComplete() throws Exception {
        byte[] b = ClientMessageWriter.encode(new ClientMessage.PointerEvent(1, 10, 20));
        List<ClientMessage> got = new ArrayList<>();
        ClientMessageReader r = new ClientMessageReader(RfbLimits.DEFAULT, got::add);
        r.feed(b, 0, 5);
        assertThat(got).isEmpty();
        assertThat(r.atMessageBoundary()).isFalse();
        r.feed(b, 5, 1);
        assertThat(got).containsExactly(new ClientMessage.PointerEvent(1, 10, 20));
    }

    @Test
    void unknownMessageType_isRefused_namingTheType() {
        ClientMessageReader r = new ClientMessageReader(RfbLimits.DEFAULT, m -> {});
        assertThatThrownBy(() -> r.feed(new byte[] {42, 0, 0}, 0, 3))
                .isInstanceOf(RfbException.class)
                .hasMessageContaining("client message type 42");
    }

    @Test
    void failure_isSticky() {
        ClientMessageReader r = new ClientMessageReader(RfbLimits.DEFAULT, m -> {});
        assertThatThrownBy(() -> r.feed(new byte[] {9}, 0, 1)).hasMessageContaining("type 9");
        byte[] ok = ClientMessageWriter.encode(new ClientMessage.KeyEvent(true, 0x61));
        assertThatThrownBy(() -> r.feed(ok, 0, ok.length)).hasMessageContaining("type 9");
    }

    @Test
    void cutTextOverTheLimit_isRefused_namingLengthAndLimit() {
        RfbLimits small = new RfbLimits(8192, 8192, 1L << 26, 100, 4096, 1 << 20, 64, 256, 1 << 20);
        ClientMessageReader r = new ClientMessageReader(small, m -> {});
        byte[] msg = {6, 0, 0, 0, 0, 0, 0, (byte) 101};
        assertThatThrownBy(() -> r.feed(msg, 0, msg.length))
                .isInstanceOf(RfbException.class)
                .hasMessageContaining("ClientCutText: length 101 exceeds the limit of 100");
    }

    @Test
    void hugeNegativeCutText_isRefusedBeforeBuffering() {
        ClientMessageReader r = new ClientMessageReader(RfbLimits.DEFAULT, m -> {});
        byte[] msg = {6, 0, 0, 0, (byte) 0x80, 0, 0, 0};
        assertThatThrownBy(() -> r.feed(msg, 0, msg.length))
                .hasMessageContaining("extended clipboard length 2147483648 exceeds the limit");
    }

    @Test
    void tooManyEncodings_isRefused_namingTheCount() {
        ClientMessageReader r = new ClientMessageReader(RfbLimits.DEFAULT, m -> {});
        byte[] msg = {2, 0, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> r.feed(msg, 0, msg.length))
                .hasMessageContaining("SetEncodings: 65535 encodings exceed the limit of 1024");
    }

    @Test
    void invalidPixelFormat_isRefused_namingTheField() {
        byte[] msg = new byte[20];
        new PixelFormat(12, 12, false, true, 15, 15, 15, 8, 4, 0).write(msg, 4);
        ClientMessageReader r = new ClientMessageReader(RfbLimits.DEFAULT, m -> {});
        assertThatThrownBy(() -> r.feed(msg, 0, msg.length)).hasMessageContaining("SetPixelFormat: bits-per-pixel 12");
        byte[] shifts = new byte[20];
        new PixelFormat(16, 16, false, true, 31, 63, 31, 12, 5, 0).write(shifts, 4);
        ClientMessageReader r2 = new ClientMessageReader(RfbLimits.DEFAULT, m -> {});
        assertThatThrownBy(() -> r2.feed(shifts, 0, shifts.length)).hasMessageContaining("red-shift 12");
    }

    @Test
    void oversizedFence_isRefused() {
        byte[] msg = {(byte) 248, 0, 0, 0, 0, 0, 0, 0, 65};
        ClientMessageReader r = new ClientMessageReader(RfbLimits.DEFAULT, m -> {});
        assertThatThrownBy(() -> r.feed(msg, 0, msg.length)).hasMessageContaining("ClientFence: payload length 65");
    }
}
