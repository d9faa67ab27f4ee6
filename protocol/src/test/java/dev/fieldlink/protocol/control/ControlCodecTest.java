package dev.fieldlink.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.session.EndCause;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ControlCodecTest {
    private static final Instant T = Instant.parse("2026-11-22T10:15:30Z");
    private final ControlCodec codec = new ControlCodec();

    static List<ControlMessage> messages() {
        AuditEvent event = AuditChain.append(
                "agent:m1", null, AuditEvent.draft("SWITCH_CHANGED", "operator:m1", "machine:m1", T, Map.of()));
        return List.of(
                new ControlMessage.Hello("m1", "0.1.0", new CustomerSwitches(true, false, false), 1280, 800, 60, 120),
                new ControlMessage.SessionRequested(
                        "s1", "t1", "Tina Tech", "Maker AG", "iVBOR", "Fault 42", "C-1", 30, T, false),
                new ControlMessage.SessionConsent("s1", true, 20, "Otto"),
                new ControlMessage.SessionEnded("s1", EndCause.OPERATOR, "pressed End now"),
                new ControlMessage.AuditBatch(List.of(event)),
                new ControlMessage.AuditAck("agent:m1", 1),
                new ControlMessage.Chat("s1", "operator", "Otto", "hi", T),
                new ControlMessage.SwitchesChanged(CustomerSwitches.ALL_OFF),
                new ControlMessage.Ping(7),
                new ControlMessage.Pong(7),
                new ControlMessage.Error("malformed", "no type"));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessage_survivesALine(ControlMessage message) throws Exception {
        byte[] line = codec.encode(message);
        assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
        String text = new String(line, 0, line.length - 1, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\n");
        assertThat(codec.decode(text)).isEqualTo(message);
    }

    @Test
    void typeNames_areThoseOfTheDesign() {
        assertThat(new String(codec.encode(new ControlMessage.Ping(1)), StandardCharsets.UTF_8))
                .startsWith("{\"type\":\"ping\"");
        assertThat(new String(
                        codec.encode(new ControlMessage.SessionConsent("s", false, 0, null)), StandardCharsets.UTF_8))
                .contains("\"type\":\"session.consent\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "null",
                "{}",
                "{\"type\":\"launch.missiles\"}",
                "[1,2]",
                "{\"type\":\"ping\"",
                "{\"type\":\"ping\",\"nonce\":\"x\"}",
                "{\"type\":\"ping\"} {}"
            })
    void malformedLines_areReportedNotThrownAsRuntimeErrors(String line) {
        assertThatThrownBy(() -> codec.decode(line))
                .isInstanceOf(ControlCodec.MalformedMessageException.class)
                .hasMessageNotContaining("\n");
    }

    @Test
    void aNewerPeersFieldsAndEndCauses_areToleratedSoTheMessageStillTakesEffect() throws Exception {
        assertThat(codec.decode("{\"type\":\"ping\",\"nonce\":1,\"priority\":\"high\"}"))
                .isEqualTo(new ControlMessage.Ping(1));
        assertThat(codec.decode("{\"type\":\"session.ended\",\"sessionId\":\"s1\",\"cause\":\"MAINTENANCE_WINDOW\","
                        + "\"detail\":\"relay maintenance\",\"endedBy\":{\"name\":\"x\"}}"))
                .isEqualTo(new ControlMessage.SessionEnded("s1", null, "relay maintenance"));
    }

    @Test
    void unknownMessageTypes_andWrongTypesOfKnownFields_stayMalformed() {
        assertThatThrownBy(() -> codec.decode("{\"type\":\"session.paused\",\"sessionId\":\"s1\"}"))
                .isInstanceOf(ControlCodec.MalformedMessageException.class)
                .hasMessageContaining("session.paused");
        assertThatThrownBy(() -> codec.decode("{\"type\":\"session.ended\",\"sessionId\":\"s1\",\"cause\":3}"))
                .isInstanceOf(ControlCodec.MalformedMessageException.class)
                .hasMessageStartingWith("field cause: ");
        assertThatThrownBy(() -> codec.decode("{\"type\":\"audit.batch\",\"events\":[{\"sequence\":\"one\"}]}"))
                .hasMessageStartingWith("field events[0].sequence: ");
    }

    @Test
    void theApiMapper_staysStrict() {
        assertThatThrownBy(() -> dev.fieldlink.protocol.Json.mapper()
                        .readValue("{\"type\":\"ping\",\"nonce\":1,\"extra\":2}", ControlMessage.class))
                .hasMessageContaining("extra");
    }

    @Test
    void overlongLine_isDroppedAndTheNextLineStillReads() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("x".repeat(ControlMessage.MAX_LINE_BYTES * 2).getBytes(StandardCharsets.US_ASCII));
        bytes.write('\n');
        bytes.write(codec.encode(new ControlMessage.Ping(3)));
        var in = new BufferedInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertThatThrownBy(() -> ControlCodec.readLine(in))
                .isInstanceOf(ControlCodec.MalformedMessageException.class)
                .hasMessageContaining("longer than 65536");
        assertThat(codec.decode(ControlCodec.readLine(in).orElseThrow())).isEqualTo(new ControlMessage.Ping(3));
        assertThat(ControlCodec.readLine(in)).isEmpty();
    }

    @Test
    void sessionRequestWithTheLargestPhoto_fitsTheRelayLineLimit_butNotTheAgentOne() throws Exception {
        byte[] worstCasePng = new byte[256 * 256 * 4 + 4096]; // RGBA that does not compress, plus PNG overhead
        new java.util.Random(7).nextBytes(worstCasePng);
        var request = new ControlMessage.SessionRequested(
                "s-1",
                "t-1",
                "Anna Berger",
                "Fieldlink Service GmbH",
                java.util.Base64.getEncoder().encodeToString(worstCasePng),
                "r".repeat(4000),
                "CASE-1",
                30,
                java.time.Instant.parse("2026-11-23T10:02:00Z"),
                false);
        byte[] line = codec.encode(request);

        assertThat(line.length).isLessThan(ControlMessage.MAX_RELAY_LINE_BYTES);
        var agentSide = new BufferedInputStream(new ByteArrayInputStream(line));
        assertThat(codec.decode(ControlCodec.readLine(agentSide, ControlMessage.MAX_RELAY_LINE_BYTES)
                        .orElseThrow()))
                .isEqualTo(request);
        var relaySide = new BufferedInputStream(new ByteArrayInputStream(line));
        assertThatThrownBy(() -> ControlCodec.readLine(relaySide))
                .isInstanceOf(ControlCodec.MalformedMessageException.class);
    }
}
