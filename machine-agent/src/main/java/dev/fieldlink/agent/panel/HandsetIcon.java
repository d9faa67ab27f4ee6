package dev.fieldlink.agent.panel;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import javax.swing.Icon;

/** A telephone handset, the panel's sign for remote service; drawn, so it scales with the UI. */
final class HandsetIcon implements Icon {
    private final int size;
    private final Color color;

    HandsetIcon(int size, Color color) {
        this.size = size;
        this.color = color;
    }

    @Override
    public void paintIcon(Component c, Graphics g0, int x, int y) {
        Graphics2D g = (Graphics2D) g0.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.translate(x, y);
            g.scale(size / 24.0, size / 24.0);
            g.setColor(color);
            Path2D p = new Path2D.Double();
            p.moveTo(6.6, 10.8);
            p.curveTo(8.0, 13.6, 10.4, 16.0, 13.2, 17.4);
            p.lineTo(15.4, 15.2);
            p.curveTo(15.7, 14.9, 16.1, 14.8, 16.4, 14.9);
            p.curveTo(17.5, 15.3, 18.7, 15.5, 20.0, 15.5);
            p.curveTo(20.6, 15.5, 21.0, 15.9, 21.0, 16.5);
            p.lineTo(21.0, 20.0);
            p.curveTo(21.0, 20.6, 20.6, 21.0, 20.0, 21.0);
            p.curveTo(10.6, 21.0, 3.0, 13.4, 3.0, 4.0);
            p.curveTo(3.0, 3.4, 3.4, 3.0, 4.0, 3.0);
            p.lineTo(7.5, 3.0);
            p.curveTo(8.1, 3.0, 8.5, 3.4, 8.5, 4.0);
            p.curveTo(8.5, 5.3, 8.7, 6.5, 9.1, 7.6);
            p.curveTo(9.2, 7.9, 9.1, 8.3, 8.9, 8.6);
            p.closePath();
            g.fill(p);
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawArc(13, 3, 8, 8, 0, 90);
            g.drawArc(15, 1, 8, 8, 0, 90);
        } finally {
            g.dispose();
        }
    }

    @Override
    public int getIconWidth() {
        return size;
    }

    @Override
    public int getIconHeight() {
        return size;
    }
}
