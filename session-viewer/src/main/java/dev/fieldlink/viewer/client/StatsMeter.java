package dev.fieldlink.viewer.client;

import java.time.Clock;
import java.util.ArrayDeque;

/** Sliding-window rates from samples (time, total updates, total bytes). Thread-safe. */
final class StatsMeter {
    private static final long WINDOW_MS = 2000;

    private record Sample(long at, long updates, long bytes) {}

    private final Clock clock;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private long updates;
    private long bytes;
    private volatile long rttMillis = -1;

    StatsMeter(Clock clock) {
        this.clock = clock;
        samples.add(new Sample(clock.millis(), 0, 0));
    }

    synchronized void update(long totalBytes) {
        updates++;
        bytes = totalBytes;
        long now = clock.millis();
        samples.add(new Sample(now, updates, bytes));
        prune(now);
    }

    synchronized void bytes(long totalBytes) {
        bytes = totalBytes;
    }

    void roundTrip(long millis) {
        rttMillis = millis;
    }

    private void prune(long now) {
        while (samples.size() > 2 && samples.peekFirst().at < now - WINDOW_MS) {
            samples.removeFirst();
        }
    }

    synchronized ConnectionStats snapshot() {
        long now = clock.millis();
        prune(now);
        Sample first = samples.peekFirst();
        double secs = Math.max(0.001, (now - first.at) / 1000.0);
        return new ConnectionStats(
                (updates - first.updates) / secs, (bytes - first.bytes) / secs, rttMillis, bytes, updates);
    }
}
