package dev.fieldlink.agent.screen.simulated;

import dev.fieldlink.agent.screen.simulated.HmiModel.Page;
import dev.fieldlink.agent.screen.simulated.HmiModel.State;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the HMI's frame (header, navigation, footer) and delegates the page body to {@link HmiPages}. Drawing happens
 * in logical 1280x800 coordinates scaled to the image; the returned controls use logical coordinates.
 */
final class HmiRenderer {
    static final int LOGICAL_WIDTH = 1280;
    static final int LOGICAL_HEIGHT = 800;
    static final int HEADER = 64;
    static final int NAV_WIDTH = 200;
    static final int FOOTER = 40;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd  HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Paints {@code model} into {@code image} and returns its controls. */
    List<Control> render(HmiModel model, BufferedImage image) {
        List<Control> controls = new ArrayList<>();
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(image.getWidth() / (double) LOGICAL_WIDTH, image.getHeight() / (double) LOGICAL_HEIGHT);
            Draw d = new Draw(g, controls);
            g.setColor(Palette.CONTENT);
            g.fillRect(0, 0, LOGICAL_WIDTH, LOGICAL_HEIGHT);
            header(d, model);
            navigation(d, model);
            footer(d, model);
            new HmiPages(d, model)
                    .draw(
                            NAV_WIDTH + 20,
                            HEADER + 20,
                            LOGICAL_WIDTH - NAV_WIDTH - 40,
                            LOGICAL_HEIGHT - HEADER - FOOTER - 40);
        } finally {
            g.dispose();
        }
        return controls;
    }

    private void header(Draw d, HmiModel m) {
        Graphics2D g = d.g();
        g.setColor(Palette.HEADER);
        g.fillRect(0, 0, LOGICAL_WIDTH, HEADER);
        g.setColor(Palette.ACCENT);
        g.fillRoundRect(16, 12, 40, 40, 8, 8);
        d.textCentered("FL", 36, 39, Palette.HEADING, Color.WHITE);
        d.text(m.machineName(), 70, 30, Palette.HEADING, Palette.HEADER_TEXT);
        d.text(m.profile().product(), 70, 50, Palette.SMALL, Palette.HEADER_MUTED);

        if (m.mark() != null) {
            g.setColor(Palette.IDLE);
            g.fillRoundRect(400, 18, 120, 28, 8, 8);
            d.textCentered(m.mark(), 460, 38, Palette.BODY_BOLD, Palette.HEADER);
        }
        State s = m.state();
        Color badge = s == State.RUNNING ? Palette.RUNNING : s == State.IDLE ? Palette.IDLE : Palette.FAULT;
        g.setColor(badge);
        g.fillRoundRect(540, 14, 200, 36, 18, 18);
        d.textCentered(s.name(), 640, 39, Palette.HEADING, Color.WHITE);

        d.textRight(TIME.format(m.now()), 1150, 30, Palette.BODY, Palette.HEADER_TEXT);
        d.textRight("Level 1 · Operator", 1150, 50, Palette.SMALL, Palette.HEADER_MUTED);
        long open = m.openAlarms();
        g.setColor(open > 0 ? Palette.FAULT : Palette.NAV);
        g.fillOval(1176, 14, 36, 36);
        d.textCentered(Long.toString(open), 1194, 39, Palette.HEADING, Color.WHITE);
        d.text("alarms", 1218, 38, Palette.SMALL, Palette.HEADER_MUTED);
    }

    private void navigation(Draw d, HmiModel m) {
        Graphics2D g = d.g();
        g.setColor(Palette.NAV);
        g.fillRect(0, HEADER, NAV_WIDTH, LOGICAL_HEIGHT - HEADER - FOOTER);
        int y = HEADER + 16;
        for (Page p : Page.values()) {
            boolean active = m.page() == p;
            Color fill = active ? Palette.NAV_ACTIVE : Palette.NAV.brighter();
            d.button(12, y, NAV_WIDTH - 24, 76, p.title(), p.title(), fill, Palette.NAV_TEXT, () -> m.show(p));
            if (p == Page.ALARMS && m.openAlarms() > 0) {
                d.dot(NAV_WIDTH - 30, y + 14, 11, Palette.FAULT);
                d.textCentered(Long.toString(m.openAlarms()), NAV_WIDTH - 30, y + 19, Palette.SMALL, Color.WHITE);
            }
            y += 92;
        }
    }

    private void footer(Draw d, HmiModel m) {
        Graphics2D g = d.g();
        int top = LOGICAL_HEIGHT - FOOTER;
        g.setColor(Palette.FOOTER);
        g.fillRect(0, top, LOGICAL_WIDTH, FOOTER);
        var latest = m.alarms().stream().filter(a -> !a.acknowledged()).findFirst();
        if (latest.isPresent()) {
            d.dot(20, top + 20, 7, Palette.FAULT);
            d.text(
                    latest.get().fault().code() + "  " + latest.get().fault().message(),
                    36,
                    top + 26,
                    Palette.BODY_BOLD,
                    new Color(0xff8a80));
        } else {
            d.dot(20, top + 20, 7, Palette.RUNNING);
            d.text("No active alarms", 36, top + 26, Palette.BODY, Palette.HEADER_MUTED);
        }
        d.textRight(
                String.format("Total output %,d", m.totalUnits()),
                LOGICAL_WIDTH - 20,
                top + 26,
                Palette.BODY,
                Palette.HEADER_MUTED);
    }
}
