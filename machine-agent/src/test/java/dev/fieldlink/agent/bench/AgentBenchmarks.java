package dev.fieldlink.agent.bench;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.audit.AuditReader;
import dev.fieldlink.agent.config.AuditSettings;
import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.screen.simulated.SimulatedHmi;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Speed of the agent's hot paths, run by hand (see BENCHMARKS.md): audit appends (each forced to disk), reading the
 * store-and-forward buffer, and the simulated HMI's repaint with tile damage. Prints medians and 99th percentiles.
 */
public final class AgentBenchmarks {
    private AgentBenchmarks() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("agent-bench");
        MutableClock clock = MutableClock.at("2026-11-23T08:00:00Z");
        int n = 3000;
        long[] append = new long[n];
        try (AuditLog log = AuditLog.open(dir, "agent:bench", AuditSettings.defaults(), clock)) {
            for (int i = 0; i < 200; i++) {
                log.append(AuditEventTypes.INPUT_CLICK, "technician:t1", "session:s1", Map.of("text", "warm-up " + i));
            }
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                log.append(
                        AuditEventTypes.INPUT_CLICK,
                        "technician:t1",
                        "session:s1",
                        Map.of("text", "(412, 388) Diagnostics > Sensors", "x", "412", "y", "388"));
                append[i] = System.nanoTime() - t;
            }
            report("audit append + fsync", append);
            long t = System.nanoTime();
            AuditReader reader = log.reader(0);
            long events = 0;
            var batch = reader.next(200, 48 * 1024);
            while (!batch.isEmpty()) {
                events += batch.size();
                batch = reader.next(200, 48 * 1024);
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("buffer read: %d events in %.3f s = %.0f events/s%n", events, seconds, events / seconds);
        }

        SimulatedHmi hmi = new SimulatedHmi(new ScreenSettings.Simulated(null, null, null, null), clock);
        int frames = 300;
        long[] refresh = new long[frames];
        int tiles = 0;
        for (int i = 0; i < frames; i++) {
            clock.advance(Duration.ofSeconds(1));
            long t = System.nanoTime();
            tiles += hmi.refresh().size();
            refresh[i] = System.nanoTime() - t;
        }
        report("HMI repaint + tile diff (1280x800)", refresh);
        System.out.printf(
                "  changed tiles per 1 s tick: %.1f of %d%n", tiles / (double) frames, (1280 / 64) * (800 / 64 + 1));
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[(int) (sorted.length * 0.99)] / 1e6;
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf("%s: median %.3f ms, p99 %.3f ms, %.0f per s%n", what, median, p99, 1000 / mean);
    }
}
