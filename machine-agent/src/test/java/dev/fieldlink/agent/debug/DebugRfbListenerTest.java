package dev.fieldlink.agent.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class DebugRfbListenerTest {
    @Test
    void loopbackAddresses_areAccepted() {
        assertThat(DebugRfbListener.parseLoopback("127.0.0.1:5999").getPort()).isEqualTo(5999);
        assertThat(DebugRfbListener.parseLoopback("[::1]:5999").getAddress().isLoopbackAddress())
                .isTrue();
        assertThat(DebugRfbListener.parseLoopback("localhost:0").getAddress().isLoopbackAddress())
                .isTrue();
    }

    @Test
    void anyOtherAddress_isRefused_withoutANameLookup() {
        assertThatThrownBy(() -> DebugRfbListener.parseLoopback("0.0.0.0:5999")).hasMessageContaining("not a loopback");
        assertThatThrownBy(() -> DebugRfbListener.parseLoopback("192.168.1.10:5999"))
                .hasMessageContaining("not a loopback");
        assertThatThrownBy(() -> DebugRfbListener.parseLoopback("example.com:5999"))
                .hasMessageContaining("not a loopback");
        assertThatThrownBy(() -> DebugRfbListener.parseLoopback("127.0.0.1")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> DebugRfbListener.parseLoopback("127.0.0.1:http"))
                .hasMessageContaining("not a port");
        assertThatThrownBy(() -> DebugRfbListener.start(new InetSocketAddress("0.0.0.0", 0), (s, i, o) -> {}))
                .hasMessageContaining("not a loopback");
    }

    @Test
    void listener_servesTheScreenServiceOnLoopback() throws Exception {
        try (DebugRfbListener l = DebugRfbListener.start(
                        DebugRfbListener.parseLoopback("127.0.0.1:0"),
                        (s, in, out) -> out.write("RFB 003.008\n".getBytes()));
                Socket client = new Socket("127.0.0.1", l.port())) {
            InputStream in = client.getInputStream();
            assertThat(new String(in.readNBytes(12))).isEqualTo("RFB 003.008\n");
            OutputStream ignored = client.getOutputStream();
            assertThat(ignored).isNotNull();
        }
    }
}
