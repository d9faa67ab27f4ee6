package dev.fieldlink.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.fieldlink.protocol.api.AuditVerifyResponse;
import dev.fieldlink.protocol.api.Certification;
import dev.fieldlink.protocol.api.ChatLine;
import dev.fieldlink.protocol.api.EnrollRequest;
import dev.fieldlink.protocol.api.EnrollResponse;
import dev.fieldlink.protocol.api.HistoryDetail;
import dev.fieldlink.protocol.api.HistoryEntry;
import dev.fieldlink.protocol.api.LoginRequest;
import dev.fieldlink.protocol.api.MachineView;
import dev.fieldlink.protocol.api.MeResponse;
import dev.fieldlink.protocol.api.Page;
import dev.fieldlink.protocol.api.SessionEvent;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.protocol.api.TokenResponse;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.problem.Problem;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.protocol.session.EndCause;
import dev.fieldlink.protocol.session.SessionState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonRoundTripTest {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Instant T = Instant.parse("2026-11-22T10:15:30.123Z");

    static List<Object> payloads() {
        AuditEvent event = AuditChain.append(
                "relay",
                null,
                AuditEvent.draft("SESSION_REQUESTED", "technician:t1", "session:s1", T, Map.of("k", "v")));
        HistoryEntry entry = new HistoryEntry(
                "s1",
                "m1",
                "Cutter 7",
                "Acme",
                "DE",
                "t1",
                "Tina Tech",
                SessionState.ENDED,
                EndCause.OPERATOR,
                "Fault 42",
                "C-1",
                T,
                T,
                T,
                1024L);
        return List.of(
                new LoginRequest("tina", "secret", "123456"),
                new TokenResponse("a", "Bearer", T, "r", T),
                new MeResponse(
                        "t1",
                        "tina",
                        "Tina Tech",
                        "Maker AG",
                        Set.of(Role.TECHNICIAN),
                        List.of("DACH"),
                        List.of(new Certification("cutter", LocalDate.of(2027, 1, 31))),
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2027, 1, 1)),
                new MachineView(
                        "m1",
                        "SN1",
                        "Cutter 7",
                        "Acme",
                        "Ulm",
                        "DE",
                        "cutter",
                        "DC-3000",
                        true,
                        T,
                        new CustomerSwitches(true, false, true),
                        60),
                new SessionRequest("m1", "Fault 42", "C-1", 30),
                new SessionView(
                        "s1", "m1", "t1", SessionState.ACTIVE, "Fault 42", "C-1", 30, 20, T, null, T, T, null, null),
                new TicketResponse("jwt", "relay.example", 8022, "SHA256:abc", "t1", "session-s1", 5900, T),
                new SessionEvent(
                        SessionEvent.CHAT,
                        "s1",
                        null,
                        null,
                        null,
                        null,
                        new ChatLine(ChatLine.FROM_OPERATOR, "Op", "hello", T),
                        T),
                entry,
                new HistoryDetail(entry, List.of(event)),
                new AuditVerifyResponse(
                        true, 1, List.of(new AuditVerifyResponse.StreamResult("relay", 1, true, null, null))),
                new EnrollRequest("code", "m1", "ssh-ed25519 AAAA"),
                new EnrollResponse("m1", "relay.example", 8022, "SHA256:abc"),
                Problem.of(ProblemType.MACHINE_BUSY, "Cutter 7 already has a session")
                        .withRetryAfter(5));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void everyPayload_survivesARoundTrip(Object payload) throws Exception {
        String json = MAPPER.writeValueAsString(payload);
        Object back = MAPPER.readValue(json, payload.getClass());
        assertThat(back).isEqualTo(payload);
    }

    @Test
    void pages_roundTripWithTheirItemType() throws Exception {
        Page<SessionRequest> page = new Page<>(List.of(new SessionRequest("m1", "r", null, 5)), 7, 0, 1);
        String json = MAPPER.writeValueAsString(page);
        Page<SessionRequest> back = MAPPER.readValue(json, new TypeReference<Page<SessionRequest>>() {});
        assertThat(back).isEqualTo(page);
    }

    @Test
    void times_areIsoStrings() throws Exception {
        assertThat(MAPPER.writeValueAsString(new SessionRequest("m1", "r", null, 5)))
                .doesNotContain("caseNumber");
        assertThat(MAPPER.writeValueAsString(new EnrollResponse("m", "h", 1, "f")))
                .contains("\"sshPort\":1");
        String json = MAPPER.writeValueAsString(new TokenResponse("a", "Bearer", T, "r", T));
        assertThat(json).contains("\"2026-11-22T10:15:30.123Z\"");
    }

    @Test
    void unknownFields_areRefused() {
        assertThatThrownBy(() -> MAPPER.readValue(
                        "{\"machineId\":\"m1\",\"reason\":\"r\",\"requestedMinutes\":5,\"admin\":true}",
                        SessionRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("admin");
    }

    @Test
    void secrets_neverAppearInToString() {
        assertThat(new LoginRequest("tina", "hunter2", "654321").toString())
                .contains("tina")
                .doesNotContain("hunter2")
                .doesNotContain("654321");
        assertThat(new TokenResponse("eyJaccess", "Bearer", T, "refreshsecret", T).toString())
                .doesNotContain("eyJaccess")
                .doesNotContain("refreshsecret");
        assertThat(new TicketResponse("eyJticket", "h", 1, "f", "u", "t", 5900, T).toString())
                .doesNotContain("eyJticket");
    }

    @Test
    void problemTypes_haveStableUris_andResolveBack() {
        assertThat(ProblemType.MACHINE_BUSY.uri()).hasToString("https://fieldlink.dev/problems/machine-busy");
        for (ProblemType type : ProblemType.values()) {
            assertThat(ProblemType.fromUri(type.uri())).contains(type);
        }
        assertThat(ProblemType.fromUri(java.net.URI.create("https://example.com/x")))
                .isEmpty();
    }
}
