package dev.fieldlink.sandbox;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/** Placeholder account photos: the person's initials in white on a colour, 256x256 PNG. Works headless. */
final class Portraits {
    static final int SIZE = 256;

    private Portraits() {}

    static byte[] initials(String displayName, int rgb) {
        String initials = Arrays.stream(displayName.trim().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT))
                .limit(2)
                .collect(Collectors.joining());
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(rgb));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, SIZE * 2 / 5));
            FontMetrics m = g.getFontMetrics();
            int x = (SIZE - m.stringWidth(initials)) / 2;
            int y = (SIZE - m.getHeight()) / 2 + m.getAscent();
            g.drawString(initials, x, y);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a portrait", e);
        }
    }
}
