package dev.fieldlink.protocol.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.protocol.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final Instant T = Instant.parse("2026-11-22T10:15:30.123456789Z");

    private static List<AuditEvent> chainOf(int n) {
        List<AuditEvent> events = new ArrayList<>();
        AuditEvent prev = null;
        for (int i = 0; i < n; i++) {
            prev = AuditChain.append(
                    "relay",
                    prev,
                    AuditEvent.draft(
                            "INPUT_CLICK",
                            "technician:t1",
                            "session:s1",
                            T.plusSeconds(i),
                            Map.of("x", "" + i, "button", "1")));
            events.add(prev);
        }
        return events;
    }

    @Test
    void appendedEvents_formAnIntactChain() {
        List<AuditEvent> events = chainOf(5);
        assertThat(events.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(events.get(0).sequence()).isEqualTo(1);
        assertThat(events.get(4).sequence()).isEqualTo(5);
        assertThat(events.get(1).prevHash()).isEqualTo(events.get(0).hash());
        assertThat(AuditChain.verify(events)).isEmpty();
    }

    @Test
    void canonicalForm_isSortedCompactAndMillisecondPrecise() {
        AuditEvent event = chainOf(1).get(0);
        assertThat(AuditChain.canonical(event))
                .isEqualTo("{\"actor\":\"technician:t1\",\"details\":{\"button\":\"1\",\"x\":\"0\"},\"hash\":null,"
                        + "\"prevHash\":\"" + AuditChain.GENESIS + "\",\"sequence\":1,\"stream\":\"relay\","
                        + "\"subject\":\"session:s1\",\"time\":\"2026-11-22T10:15:30.123Z\",\"type\":\"INPUT_CLICK\"}");
        assertThat(event.hash()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void editedDetail_breaksTheChainAtThatEvent() {
        List<AuditEvent> events = new ArrayList<>(chainOf(4));
        AuditEvent e = events.get(2);
        events.set(
                2,
                new AuditEvent(
                        e.stream(),
                        e.sequence(),
                        e.type(),
                        e.actor(),
                        e.subject(),
                        e.time(),
                        Map.of("x", "999", "button", "1"),
                        e.prevHash(),
                        e.hash()));
        assertThat(AuditChain.verify(events)).hasValueSatisfying(b -> {
            assertThat(b.sequence()).isEqualTo(3);
            assertThat(b.problem()).contains("edited");
        });
    }

    @Test
    void deletedEvent_breaksTheChainWhereItIsMissing() {
        List<AuditEvent> events = new ArrayList<>(chainOf(4));
        events.remove(1);
        assertThat(AuditChain.verify(events)).hasValueSatisfying(b -> {
            assertThat(b.sequence()).isEqualTo(3);
            assertThat(b.problem()).contains("expected sequence 2");
        });
    }

    @Test
    void rehashedEditedEvent_isCaughtByItsSuccessor() {
        List<AuditEvent> events = new ArrayList<>(chainOf(3));
        AuditEvent e = events.get(0);
        AuditEvent forged = new AuditEvent(
                e.stream(),
                e.sequence(),
                "LOGIN_SUCCEEDED",
                e.actor(),
                e.subject(),
                e.time(),
                e.details(),
                e.prevHash(),
                null);
        events.set(
                0,
                new AuditEvent(
                        forged.stream(),
                        forged.sequence(),
                        forged.type(),
                        forged.actor(),
                        forged.subject(),
                        forged.time(),
                        forged.details(),
                        forged.prevHash(),
                        AuditChain.hashOf(forged)));
        assertThat(AuditChain.verify(events))
                .hasValueSatisfying(b -> assertThat(b.sequence()).isEqualTo(2));
    }

    @Test
    void chain_survivesJsonTransport() throws Exception {
        var mapper = Json.mapper();
        List<AuditEvent> events = chainOf(3);
        List<AuditEvent> back = new ArrayList<>();
        for (AuditEvent event : events) {
            back.add(mapper.readValue(mapper.writeValueAsString(event), AuditEvent.class));
        }
        assertThat(back).isEqualTo(events);
        assertThat(AuditChain.verify(back)).isEmpty();
    }

    @Test
    void verifyFromTheMiddle_usesTheGivenAnchor() {
        List<AuditEvent> events = chainOf(5);
        assertThat(AuditChain.verify(events.subList(2, 5), events.get(1).hash(), 3))
                .isEmpty();
        assertThat(AuditChain.verify(events.subList(2, 5), AuditChain.GENESIS, 3))
                .isPresent();
    }
}
