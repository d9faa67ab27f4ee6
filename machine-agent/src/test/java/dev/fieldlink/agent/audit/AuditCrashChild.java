package dev.fieldlink.agent.audit;

import dev.fieldlink.agent.config.AuditSettings;
import dev.fieldlink.agent.config.DataSize;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Run in a child JVM by {@link AuditCrashTest}: appends events as fast as it can and prints each sequence once
 * {@link AuditLog#append} has returned, until it is killed.
 */
public final class AuditCrashChild {
    private AuditCrashChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        AuditLog log = AuditLog.open(
                dir,
                "agent:crash",
                new AuditSettings(DataSize.ofKibibytes(16), DataSize.ofMebibytes(64)),
                Clock.systemUTC());
        long ackEvery = Long.parseLong(args[1]);
        for (long i = 0; ; i++) {
            var event = log.append(
                    AuditEventTypes.INPUT_CLICK, "technician:t1", "session:s1", Map.of("n", Long.toString(i)));
            if (event.sequence() % ackEvery == 0) {
                log.acknowledge(event.sequence() - ackEvery / 2);
            }
            System.out.println("appended " + event.sequence());
            System.out.flush();
        }
    }
}
