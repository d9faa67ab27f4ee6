package dev.fieldlink.viewer.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Deterministic test pictures: an HMI-like screen (panels, buttons, gauges, text, few colours), photographic content
 * (smooth gradients with noise), and a mix of both that exercises every sub-encoding.
 */
public final class TestPictures {
    private TestPictures() {}

    /** Left: HMI panels; right top: photo-like; right bottom: 2- and few-colour patterns. */
    public static BufferedImage mixed(int w, int h) {
        BufferedImage img = hmi(w, h);
        int pw = w / 2;
        int ph = h / 2;
        BufferedImage photo = photo(pw, ph, 7);
        Graphics2D g = img.createGraphics();
        g.drawImage(photo, w - pw, 0, null);
        g.dispose();
        // Two-colour stripes and a five-colour checker board (palette tiles).
        for (int y = ph; y < h; y++) {
            for (int x = w - pw; x < w; x++) {
                int rx = x - (w - pw);
                int c;
                if (rx < pw / 3) {
                    c = ((x / 3 + y / 5) & 1) == 0 ? 0xFF203040 : 0xFFE0E0F0;
                } else if (rx < 2 * pw / 3) {
                    int[] pal = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFF00, 0xFF00FFFF};
                    c = pal[((x / 4) + (y / 4)) % pal.length];
                } else {
                    c = 0xFF000000 | ((x * 7) & 0xFF) << 16 | ((y * 3) & 0xFF) << 8 | ((x + y) & 0xFF);
                }
                img.setRGB(x, y, c);
            }
        }
        return img;
    }

    /** An operator panel: header bar, buttons, gauges, a trend line, labels. */
    public static BufferedImage hmi(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(new Color(0xDDE3EA));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0x1F4E79));
        g.fillRect(0, 0, w, Math.max(24, h / 16));
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, h / 40)));
        g.drawString("Line 3 - Folder gluer FG-220   Status: RUNNING", 10, Math.max(18, h / 22));
        Random r = new Random(42);
        int cols = 4;
        int bw = w / 2 / cols;
        for (int i = 0; i < 12; i++) {
            int x = 10 + (i % cols) * bw;
            int y = h / 10 + (i / cols) * (h / 8);
            Color c = i % 5 == 0 ? new Color(0xC0392B) : i % 3 == 0 ? new Color(0x27AE60) : new Color(0x95A5A6);
            g.setColor(c);
            g.fillRect(x, y, bw - 12, h / 10);
            g.setColor(Color.DARK_GRAY);
            g.drawRect(x, y, bw - 12, h / 10);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(9, h / 50)));
            g.drawString("M" + (i + 1) + " " + (r.nextInt(900) + 100) + " rpm", x + 4, y + h / 20);
        }
        // Trend chart.
        int cx = 10;
        int cy = h / 2 + h / 8;
        int cw = w / 2 - 20;
        int ch = h / 4;
        g.setColor(Color.WHITE);
        g.fillRect(cx, cy, cw, ch);
        g.setColor(new Color(0xBBBBBB));
        for (int i = 1; i < 5; i++) {
            g.drawLine(cx, cy + i * ch / 5, cx + cw, cy + i * ch / 5);
        }
        g.setColor(new Color(0x2E86C1));
        g.setStroke(new BasicStroke(2));
        int py = cy + ch / 2;
        for (int x = 1; x < cw; x += 3) {
            int ny = cy + ch / 2 + (int) (Math.sin(x / 17.0) * ch / 3) + r.nextInt(5) - 2;
            g.drawLine(cx + x - 3, py, cx + x, ny);
            py = ny;
        }
        g.dispose();
        return img;
    }

    /** Smooth colour fields with fine noise, like a camera picture. */
    public static BufferedImage photo(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        double a = r.nextDouble() * 6;
        double b = r.nextDouble() * 6;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (double) x / w;
                double v = (double) y / h;
                int red = clamp(128 + 100 * Math.sin(u * 5 + a) * Math.cos(v * 3) + r.nextGaussian() * 6);
                int green = clamp(120 + 90 * Math.sin(v * 6 + b + u * 2) + r.nextGaussian() * 6);
                int blue = clamp(110 + 100 * Math.cos((u + v) * 4) + r.nextGaussian() * 6);
                img.setRGB(x, y, 0xFF000000 | red << 16 | green << 8 | blue);
            }
        }
        return img;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    public static Path write(BufferedImage img, Path file) throws IOException {
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
