package dev.fieldlink.viewer.testing;

import java.awt.Frame;
import java.awt.Graphics;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Run as its own process on a test X display: shows a PNG in an undecorated window at 0,0, prints READY once drawn,
 * then obeys stdin commands: {@code copy sx sy w h dx dy} (an X CopyArea, so VNC servers see a move), {@code
 * show FILE}, {@code quit}. Each command is answered with READY after the X server has processed it.
 */
public final class XPainter {
    private XPainter() {}

    public static void main(String[] args) throws Exception {
        BufferedImage[] img = {ImageIO.read(new File(args[0]))};
        Frame f = new Frame() {
            private static final long serialVersionUID = 1L;

            @Override
            public void update(Graphics g) {
                paint(g);
            }

            @Override
            public void paint(Graphics g) {
                g.drawImage(img[0], 0, 0, null);
            }
        };
        f.setUndecorated(true);
        f.setBounds(0, 0, img[0].getWidth(), img[0].getHeight());
        // A two-colour cursor without partial alpha: VNC servers send it as a Cursor shape instead of drawing it
        // into the framebuffer (TigerVNC draws alpha cursors itself for clients without alpha-cursor support).
        BufferedImage cur = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x <= y / 2; x++) {
                cur.setRGB(x, y, x == 0 || x == y / 2 || y == 15 ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        f.setCursor(Toolkit.getDefaultToolkit().createCustomCursor(cur, new java.awt.Point(0, 0), "arrow"));
        f.setVisible(true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        draw(f, img[0]);
        String line;
        while ((line = in.readLine()) != null) {
            String[] p = line.trim().split("\\s+");
            if (p[0].equals("quit")) {
                break;
            } else if (p[0].equals("copy")) {
                Graphics g = f.getGraphics();
                g.copyArea(
                        Integer.parseInt(p[1]),
                        Integer.parseInt(p[2]),
                        Integer.parseInt(p[3]),
                        Integer.parseInt(p[4]),
                        Integer.parseInt(p[5]) - Integer.parseInt(p[1]),
                        Integer.parseInt(p[6]) - Integer.parseInt(p[2]));
                g.dispose();
                Toolkit.getDefaultToolkit().sync();
                ready();
            } else if (p[0].equals("show")) {
                img[0] = ImageIO.read(new File(p[1]));
                draw(f, img[0]);
            }
        }
        System.exit(0);
    }

    private static void draw(Frame f, BufferedImage img) throws InterruptedException {
        // Draw repeatedly until the window is mapped; an X server discards drawing to an unmapped window.
        for (int i = 0; i < 6; i++) {
            Graphics g = f.getGraphics();
            if (g != null) {
                g.drawImage(img, 0, 0, null);
                g.dispose();
            }
            Toolkit.getDefaultToolkit().sync();
            Thread.sleep(50);
        }
        ready();
    }

    private static void ready() {
        System.out.println("READY");
        System.out.flush();
    }
}
