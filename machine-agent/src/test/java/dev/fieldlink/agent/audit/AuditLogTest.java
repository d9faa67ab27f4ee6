package dev.fieldlink.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.agent.config.AuditSettings;
import dev.fieldlink.agent.config.DataSize;
import dev.fieldlink.protocol.audit.AuditChain;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    private static final String STREAM = "agent:m1";
    private static final AuditSettings SMALL = new AuditSettings(DataSize.ofKibibytes(4), DataSize.ofMebibytes(8));

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");

    private AuditLog open(AuditSettings settings) {
        return AuditLog.open(dir, STREAM, settings, clock);
    }

    private static void appendMany(AuditLog log, int n) {
        for (int i = 0; i < n; i++) {
            log.append(AuditEventTypes.CHAT_MESSAGE, "operator:m1", "session:s1", Map.of("text", "line " + i));
        }
    }

    private static List<AuditEvent> readAll(AuditLog log) {
        List<AuditEvent> all = new ArrayList<>();
        AuditReader reader = log.reader(0);
        List<AuditEvent> batch;
        while (!(batch = reader.next(50, 1 << 20)).isEmpty()) {
            all.addAll(batch);
        }
        return all;
    }

    @Test
    void events_areChained_acrossRotatedSegments_andVerifyOffline() {
        try (AuditLog log = open(SMALL)) {
            appendMany(log, 100);
            assertThat(log.lastSequence()).isEqualTo(100);
        }

        assertThat(dir.toFile().list((d, n) -> n.endsWith(".jsonl"))).hasSizeGreaterThan(3);
        AuditVerifier.Report report = new AuditVerifier().verify(dir);
        assertThat(report.ok()).as(report.problem()).isTrue();
        assertThat(report.events()).isEqualTo(100);
        assertThat(report.lastSequence()).isEqualTo(100);
    }

    @Test
    void reopenedLog_continuesTheChain() {
        try (AuditLog log = open(SMALL)) {
            appendMany(log, 10);
        }
        try (AuditLog log = open(SMALL)) {
            AuditEvent next = log.append(AuditEventTypes.AGENT_CONNECTED, STREAM, null, null);
            assertThat(next.sequence()).isEqualTo(11);
            assertThat(AuditChain.verify(readAll(log))).isEmpty();
        }
    }

    @Test
    void editedEvent_isReported_withFileLineAndSequence() throws Exception {
        try (AuditLog log = open(SMALL)) {
            appendMany(log, 5);
        }
        Path segment = dir.resolve("audit-000000000001.jsonl");
        String text = Files.readString(segment).replace("line 2", "line X");
        Files.writeString(segment, text);

        AuditVerifier.Report report = new AuditVerifier().verify(dir);

        assertThat(report.ok()).isFalse();
        assertThat(report.problem()).contains("line 3").contains("sequence 3").contains("edited");
    }

    @Test
    void deletedEvent_isReported() throws Exception {
        try (AuditLog log = open(SMALL)) {
            appendMany(log, 5);
        }
        Path segment = dir.resolve("audit-000000000001.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(segment));
        lines.remove(1);
        Files.write(segment, lines);

        assertThat(new AuditVerifier().verify(dir).problem()).contains("expected sequence 2 but found 3");
    }

    @Test
    void tornLastLine_isCutOnOpen_andTheChainGoesOn() throws Exception {
        try (AuditLog log = open(SMALL)) {
            appendMany(log, 3);
        }
        Files.write(
                dir.resolve("audit-000000000001.jsonl"),
                "{\"stream\":\"agent:m1\",\"seq".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        try (AuditLog log = open(SMALL)) {
            assertThat(log.lastSequence()).isEqualTo(3);
            log.append(AuditEventTypes.AGENT_CONNECTED, STREAM, null, null);
        }
        assertThat(new AuditVerifier().verify(dir).ok()).isTrue();
    }

    @Test
    void reader_resendsOnlyUnacknowledged_andFollowsNewAppends() {
        try (AuditLog log = open(SMALL)) {
            appendMany(log, 30);
            assertThat(log.acknowledge(12)).isTrue();
            assertThat(log.acknowledge(5)).isFalse();
            assertThat(log.acknowledge(99)).as("beyond the end").isFalse();

            AuditReader reader = log.reader(log.acknowledged());
            List<AuditEvent> first = reader.next(10, 1 << 20);
            assertThat(first)
                    .extracting(AuditEvent::sequence)
                    .containsExactly(13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L, 22L);
            assertThat(reader.next(100, 1 << 20)).hasSize(8);
            assertThat(reader.next(100, 1 << 20)).isEmpty();

            appendMany(log, 2);
            assertThat(reader.next(100, 1 << 20))
                    .extracting(AuditEvent::sequence)
                    .containsExactly(31L, 32L);
        }
    }

    @Test
    void acknowledgement_survivesRestart() {
        try (AuditLog log = open(SMALL)) {
            appendMany(log, 10);
            log.acknowledge(7);
        }
        try (AuditLog log = open(SMALL)) {
            assertThat(log.acknowledged()).isEqualTo(7);
            assertThat(log.reader(log.acknowledged()).next(100, 1 << 20)).hasSize(3);
        }
    }

    @Test
    void reader_respectsTheByteLimit_butAlwaysReturnsOneEvent() {
        try (AuditLog log = open(SMALL)) {
            appendMany(log, 10);
            assertThat(log.reader(0).next(100, 10)).hasSize(1);
        }
    }

    @Test
    void overQuota_prunesOnlyAcknowledgedSegments_thenRaisesTheAlarm_neverDrops() {
        AuditSettings tight = new AuditSettings(DataSize.ofKibibytes(4), DataSize.ofKibibytes(12));
        List<AuditLog.QuotaState> alarms = new ArrayList<>();
        try (AuditLog log = open(tight)) {
            log.addListener(new AuditLog.Listener() {
                @Override
                public void quotaChanged(AuditLog.QuotaState state) {
                    alarms.add(state);
                }
            });
            appendMany(log, 20);
            log.acknowledge(20);
            appendMany(log, 200);

            assertThat(alarms).isNotEmpty();
            assertThat(alarms.get(0).alarm()).isTrue();
            assertThat(log.quotaState().alarm()).isTrue();
            // Nothing unacknowledged was deleted: everything after 20 is still there to resend.
            List<AuditEvent> pending = new ArrayList<>();
            AuditReader reader = log.reader(20);
            List<AuditEvent> batch;
            while (!(batch = reader.next(100, 1 << 20)).isEmpty()) {
                pending.addAll(batch);
            }
            assertThat(pending).hasSize((int) (log.lastSequence() - 20));
            assertThat(pending).extracting(AuditEvent::type).contains(AuditEventTypes.AUDIT_QUOTA_REACHED);

            log.acknowledge(log.lastSequence());
            assertThat(log.quotaState().alarm()).isFalse();
            assertThat(alarms.get(alarms.size() - 1).alarm()).isFalse();
        }
        AuditVerifier.Report report = new AuditVerifier().verify(dir);
        assertThat(report.ok()).as(report.problem()).isTrue();
        assertThat(report.firstSequence()).isGreaterThan(1);
    }

    @Test
    void prunedStart_beyondTheAcknowledgement_isReportedAsMissingEvents() throws Exception {
        try (AuditLog log = open(SMALL)) {
            appendMany(log, 100);
        }
        Files.delete(dir.resolve("audit-000000000001.jsonl"));

        assertThat(new AuditVerifier().verify(dir).problem()).contains("unacknowledged events are missing");
    }

    @Test
    void longDetails_areCut_andMarked() {
        try (AuditLog log = open(SMALL)) {
            AuditEvent e =
                    log.append(AuditEventTypes.CHAT_MESSAGE, "operator:m1", null, Map.of("text", "x".repeat(5000)));
            assertThat(e.details().get("text"))
                    .hasSize(AuditLog.MAX_DETAIL_CHARS)
                    .endsWith("…");
        }
    }
}
