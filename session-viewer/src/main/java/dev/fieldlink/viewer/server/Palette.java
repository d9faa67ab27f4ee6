package dev.fieldlink.viewer.server;

import java.util.Arrays;

/** A small colour palette with index lookup, built by scanning pixels up to a maximum size. */
final class Palette {
    private final int max;
    private final int[] colours;
    private final int[] keys = new int[1024];
    private final short[] index = new short[1024];
    private int size;

    Palette(int max) {
        this.max = max;
        this.colours = new int[max];
    }

    /** Collects colours of {@code n} pixels from {@code off} (row stride {@code stride}, row width {@code w}). */
    boolean build(int[] px, int off, int w, int h, int stride) {
        clear();
        for (int r = 0; r < h; r++) {
            int o = off + r * stride;
            int last = px[o] ^ 1;
            for (int i = 0; i < w; i++) {
                int c = px[o + i];
                if (c != last) {
                    if (!add(c)) {
                        return false;
                    }
                    last = c;
                }
            }
        }
        return true;
    }

    void clear() {
        Arrays.fill(index, (short) -1);
        size = 0;
    }

    private boolean add(int c) {
        int slot = hash(c);
        while (index[slot] >= 0) {
            if (keys[slot] == c) {
                return true;
            }
            slot = (slot + 1) & 1023;
        }
        if (size == max) {
            return false;
        }
        keys[slot] = c;
        index[slot] = (short) size;
        colours[size++] = c;
        return true;
    }

    int indexOf(int c) {
        int slot = hash(c);
        while (index[slot] >= 0) {
            if (keys[slot] == c) {
                return index[slot];
            }
            slot = (slot + 1) & 1023;
        }
        return -1;
    }

    private static int hash(int c) {
        int h = c * 0x9E3779B9;
        return (h >>> 22) & 1023;
    }

    int size() {
        return size;
    }

    int colour(int i) {
        return colours[i];
    }

    /** The most frequent of the first colours met (sampling at most 4096 pixels). */
    static int dominant(int[] px, int n) {
        if (n == 0) {
            return 0xFF000000;
        }
        int step = Math.max(1, n / 4096);
        int best = px[0];
        int bestCount = 0;
        int[] cand = new int[8];
        int[] counts = new int[8];
        int k = 0;
        for (int i = 0; i < n; i += step) {
            int c = px[i];
            int j = 0;
            while (j < k && cand[j] != c) {
                j++;
            }
            if (j == k) {
                if (k == cand.length) {
                    continue;
                }
                cand[k++] = c;
            }
            if (++counts[j] > bestCount) {
                bestCount = counts[j];
                best = c;
            }
        }
        return best;
    }
}
