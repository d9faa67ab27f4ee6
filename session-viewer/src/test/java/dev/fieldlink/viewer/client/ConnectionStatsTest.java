package dev.fieldlink.viewer.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.testing.MutableClock;
import dev.fieldlink.viewer.server.BufferedImageScreenSource;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import dev.fieldlink.viewer.testing.LoopbackServer;
import dev.fieldlink.viewer.testing.Peers;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionStatsTest {
    @Test
    void figures_countUpdatesAndBytes_andFenceGivesARoundTrip() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
        BufferedImageScreenSource source = new BufferedImageScreenSource(120, 80);
        RfbServer server = new RfbServer(source, RfbServerConfig.defaults("s").withMaxFramesPerSecond(1000));
        try (LoopbackServer loop = new LoopbackServer(server);
                Socket s = new Socket("127.0.0.1", loop.port())) {
            RfbClient client = RfbClient.connect(
                    s.getInputStream(),
                    s.getOutputStream(),
                    RfbClientConfig.defaults().withClock(clock),
                    null);
            Peers.await(
                    "first update", Duration.ofSeconds(10), () -> client.stats().updates() == 1);
            for (int i = 0; i < 4; i++) {
                clock.advance(Duration.ofMillis(250));
                source.paint(g -> g.fillRect(0, 0, 10, 10), new dev.fieldlink.viewer.rfb.Rect(0, 0, 10, 10));
                int n = i + 2;
                Peers.await(
                        "update " + n,
                        Duration.ofSeconds(10),
                        () -> client.stats().updates() == n);
            }
            ConnectionStats st = client.stats();
            assertThat(st.updates()).isEqualTo(5);
            // 5 updates within the last second of clock time (window start at connect).
            assertThat(st.framesPerSecond()).isEqualTo(5.0);
            assertThat(st.bytesReceived()).isGreaterThan(100);
            assertThat(st.bytesPerSecond()).isPositive();
            Peers.await(
                    "a fence round trip",
                    Duration.ofSeconds(10),
                    () -> client.stats().roundTripMillis() >= 0);
            client.close();
            assertThat(client.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(client.end().kind()).isEqualTo(ConnectionEnd.Kind.CLOSED_LOCALLY);
        }
    }
}
