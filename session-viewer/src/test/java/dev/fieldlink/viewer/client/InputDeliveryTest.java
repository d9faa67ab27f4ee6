package dev.fieldlink.viewer.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.viewer.rfb.message.ClientMessage;
import dev.fieldlink.viewer.server.BufferedImageScreenSource;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import dev.fieldlink.viewer.server.RfbServerListener;
import dev.fieldlink.viewer.testing.LoopbackServer;
import dev.fieldlink.viewer.testing.Peers;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InputDeliveryTest {
    @Test
    void inputSentJustBeforeClose_reachesTheServer_inOrder() throws Exception {
        List<ClientMessage> got = new CopyOnWriteArrayList<>();
        RfbServer server = new RfbServer(
                new BufferedImageScreenSource(100, 60),
                RfbServerConfig.defaults("in").withListener(new RfbServerListener() {
                    @Override
                    public void clientMessage(ClientMessage m) {
                        if (m instanceof ClientMessage.KeyEvent || m instanceof ClientMessage.PointerEvent) {
                            got.add(m);
                        }
                    }
                }));
        try (LoopbackServer loop = new LoopbackServer(server);
                Socket s = new Socket("127.0.0.1", loop.port())) {
            RfbClient client =
                    RfbClient.connect(s.getInputStream(), s.getOutputStream(), RfbClientConfig.defaults(), null);
            for (int i = 0; i < 200; i++) {
                client.pointer(0, i % 100, i % 60);
            }
            client.key(true, 0xFFE3);
            client.key(false, 0xFFE3);
            client.close();
            Peers.await("all input at the server", Duration.ofSeconds(10), () -> got.size() == 202);
        }
        assertThat(got.get(0)).isEqualTo(new ClientMessage.PointerEvent(0, 0, 0));
        assertThat(got.get(201)).isEqualTo(new ClientMessage.KeyEvent(false, 0xFFE3));
    }
}
