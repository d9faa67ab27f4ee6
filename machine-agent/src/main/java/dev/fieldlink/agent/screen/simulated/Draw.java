package dev.fieldlink.agent.screen.simulated;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;

/** Small drawing helpers shared by the HMI's chrome and pages; each registers the controls it draws. */
final class Draw {
    private final Graphics2D g;
    private final List<Control> controls;

    Draw(Graphics2D g, List<Control> controls) {
        this.g = g;
        this.controls = controls;
    }

    Graphics2D g() {
        return g;
    }

    void card(int x, int y, int w, int h, String title) {
        g.setColor(Palette.CARD);
        g.fillRoundRect(x, y, w, h, 10, 10);
        g.setColor(Palette.CARD_BORDER);
        g.setStroke(new BasicStroke(1));
        g.drawRoundRect(x, y, w, h, 10, 10);
        if (title != null) {
            text(title, x + 16, y + 28, Palette.HEADING, Palette.TEXT);
        }
    }

    void text(String s, int x, int y, Font font, Color color) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(s, x, y);
    }

    void textRight(String s, int right, int y, Font font, Color color) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(s, right - g.getFontMetrics().stringWidth(s), y);
    }

    void textCentered(String s, int cx, int y, Font font, Color color) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, cx - fm.stringWidth(s) / 2, y);
    }

    /** A push button that becomes a control named {@code label}. */
    void button(
            int x, int y, int w, int h, String caption, String label, Color fill, Color textColor, Runnable action) {
        g.setColor(fill);
        g.fillRoundRect(x, y, w, h, 8, 8);
        g.setColor(fill.darker());
        g.drawRoundRect(x, y, w, h, 8, 8);
        g.setFont(Palette.BODY_BOLD);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(textColor);
        g.drawString(caption, x + (w - fm.stringWidth(caption)) / 2, y + (h + fm.getAscent() - fm.getDescent()) / 2);
        controls.add(new Control(new Rectangle(x, y, w, h), label, action));
    }

    void progress(int x, int y, int w, int h, double fraction, Color color) {
        g.setColor(new Color(0xdde3e9));
        g.fillRoundRect(x, y, w, h, h, h);
        g.setColor(color);
        g.fillRoundRect(x, y, (int) Math.max(h, w * Math.max(0, Math.min(1, fraction))), h, h, h);
    }

    void dot(int cx, int cy, int r, Color color) {
        g.setColor(color);
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }
}
