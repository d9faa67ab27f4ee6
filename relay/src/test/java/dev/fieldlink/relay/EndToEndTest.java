package dev.fieldlink.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.protocol.api.AuditVerifyResponse;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.recording.RecordingInfo;
import dev.fieldlink.relay.testing.ApiClient;
import dev.fieldlink.relay.testing.Rfb;
import dev.fieldlink.relay.testing.TestAgent;
import dev.fieldlink.relay.testing.TestRelay;
import dev.fieldlink.relay.testing.TestScreenChannel;
import dev.fieldlink.relay.testing.TestViewer;
import dev.fieldlink.testing.Poll;
import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.client.RfbClientListener;
import dev.fieldlink.viewer.recording.RecordingReader;
import dev.fieldlink.viewer.recording.ReplayPlayer;
import dev.fieldlink.viewer.server.BufferedImageScreenSource;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Relay, a test agent (MINA client serving the viewer module's RFB server) and a test viewer (MINA client running the
 * viewer module's RFB client) in one process: the whole session from login to a verified audit chain.
 */
class EndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int RED = 0xFFFF0000;

    @Test
    void session_fromLoginToVerifiedAudit_rfbBothWays_recordedReplayable_inputAudited() throws Exception {
        BufferedImageScreenSource screen = new BufferedImageScreenSource(320, 200);
        screen.paint(g -> {
            g.setColor(Color.BLUE);
            g.fillRect(0, 0, 320, 200);
            g.setColor(Color.RED);
            g.fillRect(100, 50, 60, 40);
        });
        ch.qos.logback.classic.Logger ours =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.fieldlink");
        ch.qos.logback.classic.Level level = ours.getLevel();
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        ours.addAppender(logs);
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        List<String> secrets = new java.util.ArrayList<>();
        try (TestRelay t = TestRelay.start();
                TestAgent agent = new TestAgent("m-cutter-1")
                        .autoConsent(30)
                        .serveRfb(new RfbServer(screen, RfbServerConfig.defaults("HMI m-cutter-1")));
                TestViewer viewer = new TestViewer()) {
            t.machine("m-cutter-1", "DE", "digital-cutter");
            t.relay.admin().registerAgentKey("m-cutter-1", agent.publicKey());
            TestRelay.TestUser anna = t.technician("anna", Set.of("DACH"), Set.of("digital-cutter"));
            BufferedImage portrait = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(portrait, "png", png);
            t.relay.admin().setPhoto("anna", png.toByteArray());
            agent.connect(t.relay.sshPort(), t.relay.hostKeyFingerprint());
            Poll.until(WAIT, "agent online", () -> t.relay.agents().isOnline("m-cutter-1"));

            var tokens = t.login(anna);
            String token = tokens.accessToken();
            secrets.addAll(List.of(token, tokens.refreshToken(), anna.password(), anna.totpSecret()));
            ApiClient.Answer list = t.api.get("/api/v1/machines", token);
            assertThat(list.json().path("items").get(0).path("id").asText()).isEqualTo("m-cutter-1");
            assertThat(list.json().path("items").get(0).path("online").asBoolean())
                    .isTrue();

            SessionView pending = t.api.post(
                            "/api/v1/sessions",
                            new SessionRequest("m-cutter-1", "Cutter stops at E42", "CASE-7", 45),
                            token)
                    .as(SessionView.class);
            assertThat(pending.state()).isEqualTo(SessionState.PENDING_CONSENT);
            ControlMessage.SessionRequested req = agent.await(ControlMessage.SessionRequested.class, WAIT);
            assertThat(req.technicianName()).isEqualTo("Name of anna");
            BufferedImage photo = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                    java.util.Base64.getDecoder().decode(req.photoPng())));
            assertThat(photo.getHeight()).isEqualTo(256);
            assertThat(photo.getWidth()).isEqualTo(192);
            SessionView active = Poll.value(WAIT, "session active", () -> {
                SessionView v =
                        t.api.get("/api/v1/sessions/" + pending.id(), token).as(SessionView.class);
                return v.state() == SessionState.ACTIVE ? v : null;
            });
            assertThat(active.expiresAt()).isEqualTo(active.startedAt().plus(Duration.ofMinutes(30)));

            TicketResponse ticket = t.api.post("/api/v1/sessions/" + pending.id() + "/ticket", "", token)
                    .as(TicketResponse.class);
            secrets.add(ticket.ticket());
            viewer.connect(ticket.sshPort(), ticket.hostKeyFingerprint(), ticket.username(), ticket.ticket());
            viewer.open(ticket.targetHost(), ticket.targetPort());
            RfbClient rfb = RfbClient.connect(
                    viewer.in(), viewer.out(), RfbClientConfig.defaults(), new RfbClientListener() {});
            assertThat(rfb.serverInit().name()).isEqualTo("HMI m-cutter-1");
            Poll.until(
                    WAIT,
                    "the machine's screen at the viewer",
                    () -> rfb.framebuffer().get(120, 60) == RED);

            t.clock.advance(Duration.ofSeconds(3));
            rfb.pointer(1, 130, 70);
            rfb.pointer(0, 130, 70);
            for (char c : "E42".toCharArray()) {
                rfb.key(true, c);
                rfb.key(false, c);
            }
            rfb.cutText("reset axis");
            Poll.until(
                    WAIT,
                    "input at the machine",
                    () -> new String(agent.screens().get(0).received(), StandardCharsets.ISO_8859_1)
                            .contains("reset axis"));
            t.clock.advance(Duration.ofSeconds(3));
            screen.paint(g -> {
                g.setColor(Color.GREEN);
                g.fillRect(0, 0, 40, 40);
            });
            Poll.until(WAIT, "the update at the viewer", () -> rfb.framebuffer().get(10, 10) == 0xFF00FF00);

            ApiClient.Answer ended = t.api.post("/api/v1/sessions/" + pending.id() + "/end", "", token);
            assertThat(ended.as(SessionView.class).endCause()).isEqualTo(EndCause.TECHNICIAN);
            assertThat(viewer.awaitClosed(Duration.ofSeconds(1)))
                    .as("viewer channel closed within 1 s")
                    .isTrue();
            assertThat(agent.await(ControlMessage.SessionEnded.class, WAIT).cause())
                    .isEqualTo(EndCause.TECHNICIAN);

            Poll.until(
                    WAIT,
                    "input audit written",
                    () -> !inputEvents(t, pending.id(), AuditEventTypes.INPUT_KEYS)
                                    .isEmpty()
                            && !inputEvents(t, pending.id(), AuditEventTypes.INPUT_CLIPBOARD)
                                    .isEmpty());
            assertThat(inputEvents(t, pending.id(), AuditEventTypes.INPUT_CLICK))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.actor()).isEqualTo("technician:" + anna.id());
                        assertThat(e.details())
                                .containsEntry("x", "130")
                                .containsEntry("y", "70")
                                .containsEntry("kind", "click");
                    });
            assertThat(inputEvents(t, pending.id(), AuditEventTypes.INPUT_KEYS))
                    .singleElement()
                    .satisfies(e -> assertThat(e.details()).containsEntry("text", "E42"));
            assertThat(inputEvents(t, pending.id(), AuditEventTypes.INPUT_CLIPBOARD))
                    .singleElement()
                    .satisfies(e -> assertThat(e.details()).containsEntry("length", "10"));

            List<RecordingInfo> recordings = Poll.value(WAIT, "recording finished", () -> {
                List<RecordingInfo> r = t.relay.core().recordingsOf(pending.id());
                return r.size() == 1 && r.get(0).finishedAt() != null ? r : null;
            });
            Path file = t.relay
                    .core()
                    .settings()
                    .recordings()
                    .directory()
                    .resolve(recordings.get(0).fileName());
            assertThat(recordings.get(0).bytes()).isEqualTo(java.nio.file.Files.size(file));
            try (RecordingReader reader = RecordingReader.open(file)) {
                assertThat(reader.ended()).isTrue();
                assertThat(reader.truncated()).isFalse();
                assertThat(reader.keyframeCount()).isPositive();
                assertThat(reader.header().sessionId()).isEqualTo(pending.id());
                assertThat(reader.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
            }
            try (ReplayPlayer player = ReplayPlayer.open(file, t.clock)) {
                BufferedImage last = player.frameAt(player.duration());
                assertThat(last.getRGB(120, 60)).isEqualTo(RED);
                assertThat(last.getRGB(10, 10)).isEqualTo(0xFF00FF00);
                BufferedImage first = player.frameAt(Duration.ofSeconds(1));
                assertThat(first.getRGB(10, 10)).as("before the update").isEqualTo(0xFF0000FF);
            }

            AuditVerifyResponse verify = t.relay.admin().verifyAudit();
            assertThat(verify.intact()).isTrue();
            assertThat(verify.eventsChecked()).isGreaterThan(10);
        } finally {
            ours.detachAppender(logs);
            ours.setLevel(level);
        }
        assertThat(logs.list).as("the relay logged something").isNotEmpty();
        for (var event : logs.list) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                            ? ""
                            : event.getThrowableProxy().getMessage());
            for (String secret : secrets) {
                assertThat(text).as("no secret in the log").doesNotContain(secret);
            }
        }
    }

    @Test
    void splice_keepsMegabytesIntactAndInOrder_bothWays_underBackPressure() throws Exception {
        try (TestRelay t = TestRelay.start();
                TestAgent agent = new TestAgent("m-bulk").autoConsent(30);
                TestViewer viewer = new TestViewer()) {
            t.online("m-bulk", agent);
            String token = t.token(t.technician("ben", Set.of("DE"), Set.of("digital-cutter")));
            SessionView s = t.activeSession("m-bulk", "bulk", 30, token);
            TicketResponse ticket = t.ticket(s.id(), token);
            viewer.connect(ticket.sshPort(), ticket.hostKeyFingerprint(), ticket.username(), ticket.ticket())
                    .open(ticket.targetHost(), ticket.targetPort());
            assertThat(viewer.read(TestScreenChannel.GREETING.length)).isEqualTo(TestScreenChannel.GREETING);
            TestScreenChannel screen = agent.screens().get(0);
            // Well-formed RFB both ways: the relay ends a session whose input it cannot audit.
            Rfb.handshake(viewer, screen, 1024, 768);
            long handshakeDown = TestScreenChannel.GREETING.length + 2 + 4 + Rfb.serverInit(1024, 768, "HMI").length;
            int handshakeUp = screen.received().length;

            Random random = new Random(42);
            java.io.ByteArrayOutputStream updates = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 12; i++) {
                byte[] pixels = new byte[1024 * 256 * 4];
                random.nextBytes(pixels);
                updates.writeBytes(Rfb.rawUpdate(0, (i % 3) * 256, 1024, 256, pixels));
            }
            byte[] down = updates.toByteArray();
            Thread writer = new Thread(() -> {
                try {
                    screen.send(down);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            InputStream in = viewer.in();
            byte[] got = in.readNBytes(down.length);
            writer.join(WAIT.toMillis());
            assertThat(Arrays.equals(got, down))
                    .as("12 MiB to the viewer, intact and in order")
                    .isTrue();

            java.io.ByteArrayOutputStream moves = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 3 * 1024 * 1024 / 6; i++) {
                moves.writeBytes(Rfb.pointer(0, random.nextInt(1024), random.nextInt(768)));
            }
            byte[] up = moves.toByteArray();
            viewer.write(up);
            Poll.until(WAIT, "3 MiB at the machine", () -> screen.received().length == handshakeUp + up.length);
            assertThat(Arrays.equals(Arrays.copyOfRange(screen.received(), handshakeUp, handshakeUp + up.length), up))
                    .isTrue();
            assertThat(t.relay.screens().splices(s.id()).get(0).bytesToViewer()).isEqualTo(handshakeDown + down.length);
            assertThat(t.api.get("/api/v1/sessions/" + s.id(), token)
                            .as(SessionView.class)
                            .state())
                    .isEqualTo(SessionState.ACTIVE);
        }
    }

    private static List<AuditEvent> inputEvents(TestRelay t, String sessionId, String type) {
        return t.relay.core().auditEventsOfType(type).stream()
                .filter(e -> ("session:" + sessionId).equals(e.subject()))
                .toList();
    }
}
