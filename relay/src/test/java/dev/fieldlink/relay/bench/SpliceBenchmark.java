package dev.fieldlink.relay.bench;

import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.relay.testing.Rfb;
import dev.fieldlink.relay.testing.TestAgent;
import dev.fieldlink.relay.testing.TestRelay;
import dev.fieldlink.relay.testing.TestScreenChannel;
import dev.fieldlink.relay.testing.TestViewer;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures the screen splice in one JVM (relay, MINA test agent, MINA test viewer on loopback): throughput both ways
 * and single-byte latency. Prints numbers; asserts nothing about speed. Run with
 * {@code ./mvnw -q -pl relay -am verify -Dtest=SpliceBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfieldlink.excludedGroups=none} and read {@code relay/target/surefire-reports/*SpliceBenchmark-output.txt}.
 */
@Tag("benchmark")
class SpliceBenchmark {
    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void throughputAndLatency() throws Exception {
        try (TestRelay t = TestRelay.start();
                TestAgent agent = new TestAgent("m-bench").autoConsent(60);
                TestViewer viewer = new TestViewer()) {
            t.online("m-bench", agent);
            String token = t.token(t.technician("bench", Set.of("DE"), Set.of("digital-cutter")));
            SessionView s = t.activeSession("m-bench", "bench", 60, token);
            TicketResponse ticket = t.ticket(s.id(), token);
            viewer.connect(ticket.sshPort(), ticket.hostKeyFingerprint(), ticket.username(), ticket.ticket())
                    .open(ticket.targetHost(), ticket.targetPort());
            viewer.read(TestScreenChannel.GREETING.length);
            TestScreenChannel screen = agent.screens().get(0);
            // Well-formed RFB both ways: the relay ends a session whose input it cannot audit.
            Rfb.handshake(viewer, screen, 1920, 1080);
            screen.discardReceived();

            down(screen, viewer.in(), 64);
            for (int run = 1; run <= 3; run++) {
                double mbs = down(screen, viewer.in(), 256);
                System.out.printf("machine -> viewer, 256 MiB, run %d: %.1f MB/s%n", run, mbs);
            }
            byte[] move = Rfb.pointer(0, 100, 100);
            byte[] bell = {2};
            long[] oneWay = new long[2000];
            long[] back = new long[2000];
            for (int i = 0; i < oneWay.length; i++) {
                long before = screen.receivedCount();
                long t0 = System.nanoTime();
                viewer.write(move);
                while (screen.receivedCount() < before + move.length) {
                    Thread.onSpinWait();
                }
                long t1 = System.nanoTime();
                screen.send(bell);
                viewer.in().read();
                long t2 = System.nanoTime();
                oneWay[i] = t1 - t0;
                back[i] = t2 - t1;
            }
            long[] rtt = new long[oneWay.length];
            for (int i = 0; i < rtt.length; i++) {
                rtt[i] = oneWay[i] + back[i];
            }
            Arrays.sort(rtt);
            System.out.printf(
                    "pointer event viewer -> machine, bell back to the viewer: round trip over 2000 runs: median %.2f ms, p90 %.2f ms, "
                            + "p99 %.2f ms%n",
                    rtt[rtt.length / 2] / 1e6, rtt[rtt.length * 9 / 10] / 1e6, rtt[rtt.length * 99 / 100] / 1e6);
            double up = up(viewer, screen, 64);
            System.out.printf("viewer -> machine, 64 MiB: %.1f MB/s%n", up);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap in use after the runs: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    /** {@code mib} MiB of 256x256 Raw framebuffer updates to the viewer; MB/s. */
    private static double down(TestScreenChannel screen, InputStream in, int mib) throws Exception {
        byte[] pixels = new byte[256 * 256 * 4];
        new java.util.Random(1).nextBytes(pixels);
        byte[] chunk = Rfb.rawUpdate(0, 0, 256, 256, pixels);
        long count = ((long) mib << 20) / pixels.length;
        long total = count * chunk.length;
        Thread writer = new Thread(() -> {
            try {
                for (long i = 0; i < count; i++) {
                    screen.send(chunk);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        byte[] buf = new byte[256 * 1024];
        long start = System.nanoTime();
        writer.start();
        long got = 0;
        while (got < total) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IllegalStateException("stream ended after " + got);
            }
            got += n;
        }
        writer.join();
        return total / 1e6 / ((System.nanoTime() - start) / 1e9);
    }

    /** About {@code mib} MiB of pointer moves to the machine; MB/s. */
    private static double up(TestViewer viewer, TestScreenChannel screen, int mib) throws Exception {
        java.io.ByteArrayOutputStream moves = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 256 * 1024 / 6; i++) {
            moves.writeBytes(Rfb.pointer(0, i % 1920, i % 1080));
        }
        byte[] chunk = moves.toByteArray();
        long count = ((long) mib << 20) / chunk.length;
        long total = count * chunk.length;
        long before = screen.receivedCount();
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            viewer.out().write(chunk);
        }
        viewer.out().flush();
        while (screen.receivedCount() - before < total) {
            Thread.onSpinWait();
        }
        return total / 1e6 / ((System.nanoTime() - start) / 1e9);
    }
}
