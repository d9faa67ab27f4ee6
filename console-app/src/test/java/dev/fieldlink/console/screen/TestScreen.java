package dev.fieldlink.console.screen;

import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.viewer.rfb.message.ClientMessage;
import dev.fieldlink.viewer.server.BufferedImageScreenSource;
import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerConfig;
import dev.fieldlink.viewer.server.RfbServerListener;
import dev.fieldlink.viewer.server.RfbServerSession;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A machine's screen behind an SSH endpoint, all real and on loopback: session-viewer's {@link RfbServer} over a
 * {@link BufferedImageScreenSource}, reachable through a MINA SSH server's {@code direct-tcpip} with a ticket as
 * password. It stands in for the relay's splice (which is the relay's to test); the RFB and SSH on both ends are
 * the real components.
 */
public final class TestScreen implements AutoCloseable {
    public static final String TICKET = "screen-ticket-1";
    public static final int CENTER_COLOUR = 0x2E7D32;

    public final BufferedImageScreenSource source;
    private final RfbServer rfb;
    private final ServerSocket rfbPort;
    private final SshServer ssh;
    private final String hostKey;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<RfbServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<List<Integer>> encodings = new CopyOnWriteArrayList<>();

    public TestScreen(BufferedImage picture) throws IOException {
        source = new BufferedImageScreenSource(picture);
        rfb = new RfbServer(
                source, RfbServerConfig.defaults("Speedmaster XL 106 HMI").withListener(new RfbServerListener() {
                    @Override
                    public void clientMessage(ClientMessage m) {
                        if (m instanceof ClientMessage.SetEncodings e) {
                            encodings.add(e.encodings());
                        }
                    }
                }));
        rfbPort = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptForever, "test-rfb-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        ssh = SshServer.setUpDefaultServer();
        ssh.setHost("127.0.0.1");
        ssh.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
        ssh.setKeyPairProvider(keys);
        ssh.setPasswordAuthenticator((user, password, session) -> TICKET.equals(password));
        ssh.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        ssh.start();
        KeyPair pair = keys.loadKeys(null).iterator().next();
        hostKey = KeyUtils.getFingerPrint(pair.getPublic());
    }

    private void acceptForever() {
        while (!rfbPort.isClosed()) {
            try {
                Socket s = rfbPort.accept();
                s.setTcpNoDelay(true);
                sockets.add(s);
                sessions.add(rfb.serve(s.getInputStream(), s.getOutputStream()));
            } catch (IOException e) {
                // closed, or one failed accept: go on while open
            }
        }
    }

    /** A ticket for this screen, as the relay would hand it out. */
    public TicketResponse ticket(String technicianId) {
        return new TicketResponse(
                TICKET,
                "127.0.0.1",
                ssh.getPort(),
                hostKey,
                technicianId,
                "127.0.0.1",
                rfbPort.getLocalPort(),
                Instant.now().plusSeconds(1800));
    }

    /** The encodings lists clients sent (SetEncodings), oldest first, across connections. */
    public List<List<Integer>> encodingsSent() {
        return List.copyOf(encodings);
    }

    /** RFB connections accepted so far. */
    public int connections() {
        return sessions.size();
    }

    /** Open RFB connections. */
    public long openConnections() {
        return sessions.stream().filter(RfbServerSession::isOpen).count();
    }

    /** Drops every screen connection from the machine's side, as a crashed HMI or a cut cable would. */
    public void dropConnections() {
        for (RfbServerSession s : sessions) {
            s.close();
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        dropConnections();
        try {
            ssh.stop(true);
        } catch (IOException e) {
            // test teardown
        }
        try {
            rfbPort.close();
        } catch (IOException e) {
            // test teardown
        }
    }

    /**
     * A press HMI as a picture: a title bar, status tiles and a large green machine diagram whose centre pixel is
     * {@link #CENTER_COLOUR}, so tests can check the middle of whatever shows it.
     */
    public static BufferedImage hmi(int width, int height, String title, String alarm) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xE8ECF0));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1F3A5F));
        g.fillRect(0, 0, width, 56);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(title, 20, 36);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        g.drawString("Operator: M. Huber   Shift B", width - 260, 34);
        String[][] tiles = {{"Speed", "12 400 sh/h"}, {"Feeder", alarm}, {"Ink", "OK"}, {"Job", "A-20417"}};
        int tileW = (width - 100) / 4;
        for (int i = 0; i < tiles.length; i++) {
            int x = 20 + i * (tileW + 20);
            boolean alarmTile = i == 1 && !"OK".equals(alarm);
            g.setColor(alarmTile ? new Color(0xF9A825) : Color.WHITE);
            g.fillRoundRect(x, 76, tileW, 84, 12, 12);
            g.setColor(new Color(0x37474F));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            g.drawString(tiles[i][0], x + 14, 102);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
            g.drawString(tiles[i][1], x + 14, 140);
        }
        int cx = width / 2;
        int cy = height / 2 + 40;
        g.setColor(new Color(CENTER_COLOUR));
        g.fillRect(cx - 200, cy - 90, 400, 180);
        g.setColor(new Color(0x1B5E20));
        g.setStroke(new BasicStroke(4));
        for (int i = 0; i < 5; i++) {
            g.drawOval(cx - 190 + i * 78, cy + 40, 60, 60);
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Feeder", cx - 180, cy - 60);
        g.setColor(new Color(0x37474F));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString("F1 Start   F2 Stop   F3 Reset alarm   F10 Service", 20, height - 20);
        g.dispose();
        // the centre must be the diagram's flat colour
        img.setRGB(width / 2, height / 2, CENTER_COLOUR);
        return img;
    }
}
