package dev.fieldlink.viewer.testing;

import java.awt.image.BufferedImage;

/** Pixel comparison of two images, with a readable summary for assertion messages. */
public record ImageDiff(int differing, int maxChannelDiff, double meanAbsDiff, String first) {

    public static ImageDiff of(BufferedImage expected, BufferedImage actual) {
        if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
            return new ImageDiff(
                    Integer.MAX_VALUE,
                    255,
                    255,
                    "size " + actual.getWidth() + "x" + actual.getHeight() + " != expected " + expected.getWidth() + "x"
                            + expected.getHeight());
        }
        int w = expected.getWidth();
        int h = expected.getHeight();
        int[] e = expected.getRGB(0, 0, w, h, null, 0, w);
        int[] a = actual.getRGB(0, 0, w, h, null, 0, w);
        return of(e, a, w);
    }

    public static ImageDiff of(int[] e, int[] a, int w) {
        int diff = 0;
        int max = 0;
        long sum = 0;
        String first = "";
        for (int i = 0; i < e.length; i++) {
            int x = e[i];
            int y = a[i];
            if ((x & 0xFFFFFF) != (y & 0xFFFFFF)) {
                if (diff == 0) {
                    first = String.format(
                            "first at %d,%d: expected %06x, got %06x", i % w, i / w, x & 0xFFFFFF, y & 0xFFFFFF);
                }
                diff++;
            }
            for (int s = 0; s < 24; s += 8) {
                int d = Math.abs(((x >> s) & 0xFF) - ((y >> s) & 0xFF));
                max = Math.max(max, d);
                sum += d;
            }
        }
        return new ImageDiff(diff, max, e.length == 0 ? 0 : sum / (3.0 * e.length), first);
    }

    public boolean identical() {
        return differing == 0;
    }

    @Override
    public String toString() {
        return differing + " pixels differ, max channel diff " + maxChannelDiff + ", mean abs diff "
                + String.format("%.3f", meanAbsDiff) + (first.isEmpty() ? "" : "; " + first);
    }
}
