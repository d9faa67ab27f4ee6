package dev.fieldlink.agent.panel;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.UIManager;

/** The technician's photo as an icon, or their initials when there is none or it cannot be read. */
final class Photos {
    /** Larger images than this are not decoded (the relay sends at most 256x256). */
    static final int MAX_PIXELS = 1024 * 1024;

    private Photos() {}

    static ImageIcon icon(byte[] png, String name, int size) {
        BufferedImage photo = decode(png);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            if (photo != null) {
                g.drawImage(photo.getScaledInstance(size, size, Image.SCALE_SMOOTH), 0, 0, null);
            } else {
                Color bg = UIManager.getColor("Component.accentColor");
                g.setColor(bg == null ? Color.GRAY : bg);
                g.fillRoundRect(0, 0, size, size, size / 4, size / 4);
                g.setColor(Color.WHITE);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size * 2 / 5));
                String initials = initials(name);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(
                        initials, (size - fm.stringWidth(initials)) / 2, (size + fm.getAscent() - fm.getDescent()) / 2);
            }
        } finally {
            g.dispose();
        }
        return new ImageIcon(out);
    }

    private static BufferedImage decode(byte[] png) {
        if (png == null || png.length == 0) {
            return null;
        }
        // Read the size first: a hostile header must not make us allocate a huge image.
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            var readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    return null;
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (sb.length() < 2 && !part.isEmpty()) {
                sb.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        return sb.toString();
    }
}
