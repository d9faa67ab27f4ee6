package dev.fieldlink.viewer.fuzz;

import dev.fieldlink.viewer.client.RfbClient;
import dev.fieldlink.viewer.client.RfbClientConfig;
import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.server.BufferedImageScreenSource;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import dev.fieldlink.viewer.testing.LoopbackServer;
import dev.fieldlink.viewer.testing.Peers;
import dev.fieldlink.viewer.testing.TestPictures;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Writes the seed corpus: real conversations between our client and server, one per encoding, as inputs for each
 * fuzz target. Run by hand when the wire format changes: {@code FuzzSeeds <corpus dir>}.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        int n = 0;
        for (String enc : List.of("raw", "rre", "hextile", "zrle", "tight", "copyrect")) {
            for (int f = 0; f < FuzzTargets.FORMATS.size(); f++) {
                if (f > 1 && !enc.equals("tight") && !enc.equals("zrle")) {
                    continue;
                }
                byte[][] conv = conversation(enc, FuzzTargets.FORMATS.get(f));
                int skip = 42 + "fuzz".length();
                byte[] server = conv[0];
                byte[] client = conv[1];
                // Target 0: the server stream after ServerInit; the client's SetPixelFormat comes first.
                write(dir, "decoder-" + enc + "-" + f, 0, f, server, skip, server.length - skip);
                // Target 1: the client stream after ClientInit (version 12, security 1, ClientInit 1).
                write(dir, "client-" + enc + "-" + f, 1, 0, client, 14, client.length - 14);
                // Target 2: both directions.
                ByteArrayOutputStream both = new ByteArrayOutputStream();
                both.write(2);
                both.write(server.length >> 16);
                both.write(server.length >> 8);
                both.write(server.length);
                both.writeBytes(server);
                both.writeBytes(client);
                Files.write(dir.resolve("tap-" + enc + "-" + f), both.toByteArray());
                n++;
            }
        }
        System.out.println("wrote " + (n * 3) + " seeds to " + dir);
    }

    private static void write(Path dir, String name, int target, int b1, byte[] src, int off, int len)
            throws Exception {
        byte[] out = new byte[len + 2];
        out[0] = (byte) target;
        out[1] = (byte) b1;
        System.arraycopy(src, off, out, 2, len);
        Files.write(dir.resolve(name), out);
    }

    /** Both directions of a short session (first frame, one repaint) at 64x48. */
    static byte[][] conversation(String enc, PixelFormat pf) throws Exception {
        BufferedImageScreenSource source = new BufferedImageScreenSource(TestPictures.mixed(64, 48));
        ByteArrayOutputStream s2c = new ByteArrayOutputStream();
        ByteArrayOutputStream c2s = new ByteArrayOutputStream();
        try (LoopbackServer loop = new LoopbackServer(new RfbServer(source, RfbServerConfig.defaults("fuzz")));
                ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket a = proxy.accept();
                        Socket b = new Socket("127.0.0.1", loop.port())) {
                    Thread up = pump(a.getInputStream(), b.getOutputStream(), c2s);
                    pump(b.getInputStream(), a.getOutputStream(), s2c).join();
                    up.join();
                } catch (Exception e) {
                    // Ends with the connection.
                }
            });
            t.start();
            RfbClientConfig cfg = RfbClientConfig.defaults()
                    .withPixelFormat(pf)
                    .withEncodings(
                            enc.equals("copyrect")
                                    ? List.of(Encodings.COPY_RECT, Encodings.RAW)
                                    : List.of(Encodings.parse(enc)));
            try (Socket s = new Socket("127.0.0.1", proxy.getLocalPort())) {
                RfbClient c = RfbClient.connect(s.getInputStream(), s.getOutputStream(), cfg, null);
                Peers.await(
                        "first frame", Duration.ofSeconds(5), () -> c.stats().updates() > 0);
                source.copyArea(0, 0, 20, 10, 30, 20);
                source.paint(g -> g.fillRect(5, 5, 9, 7), new dev.fieldlink.viewer.rfb.Rect(5, 5, 9, 7));
                Peers.await(
                        "second update", Duration.ofSeconds(5), () -> c.stats().updates() > 1);
                c.close();
            }
            t.join(5000);
        }
        synchronized (s2c) {
            return new byte[][] {s2c.toByteArray(), c2s.toByteArray()};
        }
    }

    private static Thread pump(InputStream in, OutputStream out, ByteArrayOutputStream copy) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (copy) {
                        copy.write(buf, 0, n);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (Exception e) {
                // Closed.
            }
            try {
                out.close();
            } catch (Exception e) {
                // Closed.
            }
        });
        t.start();
        return t;
    }
}
