package dev.fieldlink.agent.panel;

import dev.fieldlink.agent.screen.AgentScreen;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * The machine's (simulated) screen as the operator sees it, scaled to fit, with the technician's pointer drawn on
 * top while a session is active. Repaints are requested by the panel; the picture is copied from the source.
 */
final class ScreenView extends JComponent {
    private static final long serialVersionUID = 1L;

    private final transient AgentScreen screen;
    private transient BufferedImage frame;
    private Point pointer;

    ScreenView(AgentScreen screen) {
        this.screen = screen;
        setPreferredSize(new Dimension(screen.width() * 3 / 4, screen.height() * 3 / 4));
    }

    /** Takes a new copy of the screen; call on the EDT after damage. */
    void refresh(Point technicianPointer) {
        frame = screen.snapshot();
        pointer = technicianPointer;
        repaint();
    }

    @Override
    protected void paintComponent(Graphics g0) {
        if (frame == null) {
            frame = screen.snapshot();
        }
        Graphics2D g = (Graphics2D) g0.create();
        try {
            double scale = Math.min(getWidth() / (double) frame.getWidth(), getHeight() / (double) frame.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(scale, scale);
            g.drawImage(frame, 0, 0, null);
            if (pointer != null) {
                drawPointer(g, pointer.x, pointer.y, 1 / scale);
            }
        } finally {
            g.dispose();
        }
    }

    private static void drawPointer(Graphics2D g, int x, int y, double unit) {
        Color colour = UIManager.getColor("Fieldlink.pointer");
        double s = 22 * Math.max(1, unit);
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(x, y);
        arrow.lineTo(x, y + s);
        arrow.lineTo(x + s * 0.28, y + s * 0.74);
        arrow.lineTo(x + s * 0.5, y + s * 1.1);
        arrow.lineTo(x + s * 0.64, y + s * 1.03);
        arrow.lineTo(x + s * 0.43, y + s * 0.68);
        arrow.lineTo(x + s * 0.78, y + s * 0.68);
        arrow.closePath();
        g.setColor(colour == null ? Color.RED : colour);
        g.fill(arrow);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (1.5 * Math.max(1, unit))));
        g.draw(arrow);
    }
}
