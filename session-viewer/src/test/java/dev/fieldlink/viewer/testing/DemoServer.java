package dev.fieldlink.viewer.testing;

import dev.fieldlink.viewer.server.BufferedImageScreenSource;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import java.awt.Color;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Serves the mixed test picture with a ticking clock on a loopback port, for trying the viewer by hand and for
 * screenshots: {@code java -cp ... dev.fieldlink.viewer.testing.DemoServer PORT}.
 */
public final class DemoServer {
    private DemoServer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        BufferedImageScreenSource source = new BufferedImageScreenSource(TestPictures.mixed(1024, 640));
        RfbServer server = new RfbServer(source, RfbServerConfig.defaults("Folder gluer FG-220 (demo)"));
        Thread ticker = new Thread(() -> {
            int n = 0;
            while (true) {
                int k = n++;
                source.paint(
                        g -> {
                            g.setColor(new Color(0x1F4E79));
                            g.fillRect(700, 8, 300, 24);
                            g.setColor(Color.WHITE);
                            g.drawString("Uptime " + k + " s", 710, 26);
                        },
                        new dev.fieldlink.viewer.rfb.Rect(700, 8, 300, 24));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        ticker.setDaemon(true);
        ticker.start();
        try (ServerSocket ss = new ServerSocket(port, 5, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket s = ss.accept();
                server.serve(s.getInputStream(), s.getOutputStream());
            }
        }
    }
}
