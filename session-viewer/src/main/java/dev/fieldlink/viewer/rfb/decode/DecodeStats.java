package dev.fieldlink.viewer.rfb.decode;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of decoded rectangles by kind ("Raw", "ZRLE", "Tight.jpeg", "Tight.palette", ...). Thread-safe: written by
 * the decoder, read by anyone (tests assert that a forced encoding was really used).
 */
public final class DecodeStats {
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public long get(String kind) {
        LongAdder a = counts.get(kind);
        return a == null ? 0 : a.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
