package dev.fieldlink.agent.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.agent.config.AuditSettings;
import dev.fieldlink.protocol.audit.AuditEvent;
import dev.fieldlink.testing.MutableClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a JVM that is writing the log (as {@code kill -9} does) and checks that nothing it reported is lost. */
class AuditCrashTest {
    @TempDir
    Path dir;

    @Test
    void killedWriter_losesNoReportedEvent_andUnacknowledgedOnesAreResent() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AuditCrashChild.class.getName(),
                        dir.toString(),
                        "40")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long lastReported = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lastReported = Long.parseLong(line.substring("appended ".length()));
                if (lastReported >= 500) {
                    break;
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastReported).as("child reported events").isGreaterThanOrEqualTo(500);

        AuditVerifier.Report report = new AuditVerifier().verify(dir);
        assertThat(report.ok()).as(report.problem()).isTrue();
        assertThat(report.lastSequence()).isGreaterThanOrEqualTo(lastReported);

        try (AuditLog log =
                AuditLog.open(dir, "agent:crash", AuditSettings.defaults(), MutableClock.at("2026-11-23T08:00:00Z"))) {
            long acked = log.acknowledged();
            assertThat(acked).isPositive().isLessThan(lastReported);
            List<AuditEvent> resend = new ArrayList<>();
            AuditReader reader = log.reader(acked);
            List<AuditEvent> batch;
            while (!(batch = reader.next(200, 1 << 20)).isEmpty()) {
                resend.addAll(batch);
            }
            assertThat(resend).first().extracting(AuditEvent::sequence).isEqualTo(acked + 1);
            assertThat(resend).last().extracting(AuditEvent::sequence).isEqualTo(log.lastSequence());
            assertThat(log.lastSequence()).isGreaterThanOrEqualTo(lastReported);
        }
    }
}
