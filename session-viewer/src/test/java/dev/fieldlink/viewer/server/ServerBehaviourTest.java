package dev.fieldlink.viewer.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.Rect;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import dev.fieldlink.viewer.testing.LoopbackServer;
import dev.fieldlink.viewer.testing.Peers;
import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.Color;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ServerBehaviourTest {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void continuousUpdates_flowWithoutRequests_untilDisabled() throws Exception {
        BufferedImageScreenSource source = new BufferedImageScreenSource(TestPictures.hmi(200, 120));
        RfbServer server = new RfbServer(source, RfbServerConfig.defaults("cu").withMaxFramesPerSecond(1000));
        try (LoopbackServer loop = new LoopbackServer(server);
                Socket s = new Socket("127.0.0.1", loop.port())) {
            RfbClientConfig cfg = RfbClientConfig.defaults()
                    .withAutoRequest(false)
                    .withEncodings(List.of(Encodings.ZRLE, Encodings.CONTINUOUS_UPDATES));
            RfbClient client = RfbClient.connect(s.getInputStream(), s.getOutputStream(), cfg, null);
            Peers.await("first update", TIMEOUT, () -> client.stats().updates() >= 1);
            client.send(new ClientMessage.EnableContinuousUpdates(true, 0, 0, 200, 120));
            for (int i = 0; i < 3; i++) {
                long before = client.stats().updates();
                int n = i;
                source.paint(
                        g -> {
                            g.setColor(new Color(0x202020 * (n + 1)));
                            g.fillRect(n * 10, 0, 10, 10);
                        },
                        new Rect(n * 10, 0, 10, 10));
                Peers.await("a continuous update", TIMEOUT, () -> client.stats().updates() > before);
            }
            assertThat(client.framebuffer().get(25, 5) & 0xFFFFFF).isEqualTo(0x606060);
            client.close();
        }
    }

    @Test
    void resizeAClientCannotBeToldAbout_isClippedToTheSizeItKnows() throws Exception {
        BufferedImageScreenSource source = new BufferedImageScreenSource(TestPictures.hmi(200, 120));
        RfbServer server =
                new RfbServer(source, RfbServerConfig.defaults("clip").withMaxFramesPerSecond(1000));
        try (LoopbackServer loop = new LoopbackServer(server);
                Socket s = new Socket("127.0.0.1", loop.port())) {
            RfbClient client = RfbClient.connect(
                    s.getInputStream(),
                    s.getOutputStream(),
                    RfbClientConfig.defaults().withEncodings(List.of(Encodings.RAW)),
                    null);
            // Take back the pseudo-encodings the client advertised: Raw only, no DesktopSize.
            client.send(new ClientMessage.SetEncodings(List.of(Encodings.RAW)));
            Peers.await("first update", TIMEOUT, () -> client.stats().updates() >= 1);
            long before = client.stats().updates();
            source.replace(TestPictures.mixed(400, 300));
            Peers.await(
                    "an update after the resize", TIMEOUT, () -> client.stats().updates() > before);
            assertThat(client.end()).isNull();
            assertThat(client.framebuffer().width()).isEqualTo(200);
            client.close();
        }
    }

    @Test
    void malformedClientMessage_endsOnlyThatSession_namingIt() throws Exception {
        List<String> ended = new CopyOnWriteArrayList<>();
        RfbServer server = new RfbServer(
                new BufferedImageScreenSource(64, 64),
                RfbServerConfig.defaults("x").withListener(new RfbServerListener() {
                    @Override
                    public void sessionEnded(String reason) {
                        ended.add(reason);
                    }
                }));
        try (LoopbackServer loop = new LoopbackServer(server);
                Socket bad = new Socket("127.0.0.1", loop.port());
                Socket good = new Socket("127.0.0.1", loop.port())) {
            RfbClient ok =
                    RfbClient.connect(good.getInputStream(), good.getOutputStream(), RfbClientConfig.defaults(), null);
            RfbClient evil =
                    RfbClient.connect(bad.getInputStream(), bad.getOutputStream(), RfbClientConfig.defaults(), null);
            OutputStream raw = bad.getOutputStream();
            raw.write(new byte[] {99, 0, 0, 0});
            raw.flush();
            Peers.await("the bad session to end", TIMEOUT, () -> !ended.isEmpty());
            assertThat(ended).containsExactly("client message type 99 is unknown");
            Peers.await("the bad client to see the end", TIMEOUT, () -> evil.end() != null);
            ok.requestUpdate(false);
            long before = ok.stats().updates();
            Peers.await("the good session to go on", TIMEOUT, () -> ok.stats().updates() > before);
            ok.close();
        }
    }
}
