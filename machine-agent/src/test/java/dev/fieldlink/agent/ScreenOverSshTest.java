package dev.fieldlink.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.agent.config.ConfigLoader;
import dev.fieldlink.agent.connection.ConnectionStatus.State;
import dev.fieldlink.agent.connection.MachineKey;
import dev.fieldlink.agent.screen.simulated.HmiModel;
import dev.fieldlink.agent.screen.simulated.SimulatedHmi;
import dev.fieldlink.agent.session.ActionEntry;
import dev.fieldlink.agent.session.SessionListener;
import dev.fieldlink.agent.session.SimulatedOperator;
import dev.fieldlink.agent.testing.TestRelayEndpoint;
import dev.fieldlink.agent.testing.TestScreenChannel;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.testing.Poll;
import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbClientListener;
import dev.fieldlink.viewer.client.RfbSnapshot;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFB over the screen channel, as the relay opens it: the session-viewer's client sees exactly the simulated HMI,
 * and its click reaches the HMI, the operator's action feed (named "Diagnostics") and the audit log.
 */
class ScreenOverSshTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void viewerSeesTheHmi_andItsClick_isMirrored_audited_andApplied() throws Exception {
        KeyPair machineKey = MachineKey.generate(dir.resolve("machine_ed25519"), "test");
        try (TestRelayEndpoint relay = new TestRelayEndpoint(
                        KeyUtils.generateKeyPair("ssh-ed25519", 256), "cut-1", machineKey.getPublic())
                .start()) {
            Path config = dir.resolve("agent.yaml");
            Files.writeString(config, """
                    machineId: cut-1
                    relay: {host: 127.0.0.1, port: %d, hostKeyFingerprint: "%s"}
                    keyFile: machine_ed25519
                    switches: {remoteService: true}
                    """.formatted(relay.port(), relay.hostKeyFingerprint()));
            List<ActionEntry> feed = new CopyOnWriteArrayList<>();
            try (Agent agent = Agent.builder(new ConfigLoader().load(config))
                    .operator(new SimulatedOperator("Sim", SimulatedOperator.approve()))
                    .build()) {
                agent.sessions().addListener(new SessionListener() {
                    @Override
                    public void action(ActionEntry entry) {
                        feed.add(entry);
                    }
                });
                agent.start();
                Poll.until(WAIT, "connected", () -> agent.connection().status().state() == State.CONNECTED);
                relay.send(
                        new ControlMessage.SessionRequested("s1", "t1", "Tom", "Co", null, "r", "c", 10, null, false));
                Poll.until(WAIT, "consent", () -> agent.sessions().active().isPresent());
                SimulatedHmi hmi = (SimulatedHmi) agent.screen();

                TestScreenChannel first = relay.openScreen("s1", WAIT);
                BufferedImage frame =
                        RfbSnapshot.capture(first.fromAgent(), first.toAgent(), RfbClientConfig.defaults(), WAIT);
                assertThat(differingPixels(frame, hmi.snapshot()))
                        .as("pixels that differ")
                        .isLessThan(hmi.width() * hmi.height() / 100);

                TestScreenChannel second = relay.openScreen("s1", WAIT);
                RfbClient viewer = RfbClient.connect(
                        second.fromAgent(), second.toAgent(), RfbClientConfig.defaults(), new RfbClientListener() {});
                Point diagnostics = hmi.locate("Diagnostics").orElseThrow();
                viewer.pointer(0, diagnostics.x, diagnostics.y);
                viewer.pointer(1, diagnostics.x, diagnostics.y);
                viewer.pointer(0, diagnostics.x, diagnostics.y);

                Poll.until(WAIT, "page changed", () -> hmi.page() == HmiModel.Page.DIAGNOSTICS);
                Poll.until(
                        WAIT,
                        "click in the feed",
                        () -> feed.stream()
                                .anyMatch(
                                        e -> e.kind() == ActionEntry.Kind.CLICK && "Diagnostics".equals(e.control())));
                assertThat(feed).anyMatch(e -> e.kind() == ActionEntry.Kind.VIEWING);
                Poll.until(
                        WAIT,
                        "click audited and forwarded",
                        () -> relay.storedEvents().stream()
                                .anyMatch(e -> e.type().equals(AuditEventTypes.INPUT_CLICK)
                                        && "Diagnostics".equals(e.details().get("control"))));
                viewer.close();
            }
        }
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xffffff) != (b.getRGB(x, y) & 0xffffff)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
