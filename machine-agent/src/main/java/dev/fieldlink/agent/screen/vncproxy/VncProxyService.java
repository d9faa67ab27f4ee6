package dev.fieldlink.agent.screen.vncproxy;

import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.connection.ScreenService;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a session from a VNC server already on the HMI. The agent does the security handshake on both sides: it
 * authenticates to the VNC server (None, or VNC authentication with the configured password file), and offers the
 * viewer only "None" (the viewer is already authenticated and authorised by the relay). After the handshake the bytes
 * are forwarded unchanged in both directions; the viewer's bytes pass through {@code tap} first, so the mirror and
 * audit see the technician's input.
 *
 * <p>Thread-safe: every {@link #serve} call has its own connection.
 */
public final class VncProxyService implements ScreenService {
    private static final Logger LOG = LoggerFactory.getLogger(VncProxyService.class);
    private static final int NONE = 1;
    private static final int VNC_AUTH = 2;
    private static final int MAX_REASON = 4096;

    private final ScreenSettings.VncProxy settings;
    private final Function<OutputStream, OutputStream> tap;

    /**
     * @param tap wraps the stream towards the VNC server, to observe the viewer's messages; identity for none
     */
    public VncProxyService(ScreenSettings.VncProxy settings, Function<OutputStream, OutputStream> tap) {
        this.settings = settings;
        this.tap = tap;
    }

    @Override
    public void serve(String sessionId, InputStream fromViewer, OutputStream toViewer) throws IOException {
        try (Socket vnc = new Socket()) {
            vnc.connect(new InetSocketAddress(settings.host(), settings.port()), 10_000);
            vnc.setTcpNoDelay(true);
            DataInputStream server = new DataInputStream(vnc.getInputStream());
            OutputStream toServer = vnc.getOutputStream();
            authenticateToServer(server, toServer);
            DataInputStream viewer = new DataInputStream(fromViewer);
            offerNoneToViewer(viewer, toViewer);
            // ClientInit (shared flag) goes straight through; the tap parses the messages after it.
            toServer.write(viewer.readUnsignedByte());
            toServer.flush();
            LOG.info("Session {}: forwarding to the VNC server at {}:{}", sessionId, settings.host(), settings.port());
            Thread down = new Thread(() -> copy(server, toViewer, vnc, fromViewer), "fieldlink-vnc-proxy-down");
            down.setDaemon(true);
            down.start();
            copy(fromViewer, tap.apply(toServer), vnc, toViewer);
        }
    }

    private void authenticateToServer(DataInputStream in, OutputStream out) throws IOException {
        byte[] version = new byte[12];
        in.readFully(version);
        String v = new String(version, StandardCharsets.US_ASCII);
        if (!v.startsWith("RFB 003.")) {
            throw new IOException("the VNC server does not speak RFB (sent '" + v.strip() + "')");
        }
        int minor = Integer.parseInt(v.substring(8, 11));
        boolean v38 = minor >= 8;
        boolean v37 = minor >= 7;
        out.write(
                (v38 ? "RFB 003.008\n" : v37 ? "RFB 003.007\n" : "RFB 003.003\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int type;
        if (v37) {
            int count = in.readUnsignedByte();
            if (count == 0) {
                throw new IOException("the VNC server refused the connection: " + reason(in));
            }
            byte[] types = new byte[count];
            in.readFully(types);
            boolean none = contains(types, NONE);
            boolean auth = contains(types, VNC_AUTH);
            if (!none && !auth) {
                throw new IOException("the VNC server offers no security type the agent supports (None or VNC auth)");
            }
            type = none ? NONE : VNC_AUTH;
            out.write(type);
            out.flush();
        } else {
            type = in.readInt();
            if (type == 0) {
                throw new IOException("the VNC server refused the connection: " + reason(in));
            }
        }
        if (type == VNC_AUTH) {
            if (settings.passwordFile() == null) {
                throw new IOException("the VNC server wants a password but screen.vncProxy.passwordFile is not set");
            }
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            byte[] password = VncPassword.read(settings.passwordFile());
            try {
                out.write(VncPassword.respond(password, challenge));
                out.flush();
            } finally {
                Arrays.fill(password, (byte) 0);
            }
        } else if (type != NONE) {
            throw new IOException("the VNC server chose security type " + type + ", which the agent does not support");
        }
        if (type == VNC_AUTH || v38) {
            int result = in.readInt();
            if (result != 0) {
                throw new IOException("the VNC server refused the password" + (v38 ? ": " + reason(in) : ""));
            }
        }
    }

    private static void offerNoneToViewer(DataInputStream in, OutputStream out) throws IOException {
        out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] version = new byte[12];
        in.readFully(version);
        String v = new String(version, StandardCharsets.US_ASCII);
        if (!v.startsWith("RFB 003.")) {
            throw new IOException("the viewer does not speak RFB");
        }
        int minor = Integer.parseInt(v.substring(8, 11));
        if (minor < 7) {
            out.write(new byte[] {0, 0, 0, NONE});
            out.flush();
            return;
        }
        out.write(new byte[] {1, NONE});
        out.flush();
        int chosen = in.readUnsignedByte();
        if (chosen != NONE) {
            throw new IOException("the viewer chose security type " + chosen + " instead of None");
        }
        if (minor >= 8) {
            out.write(new byte[] {0, 0, 0, 0});
            out.flush();
        }
    }

    private static String reason(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_REASON) {
            return "(reason of " + length + " bytes not read)";
        }
        byte[] text = new byte[length];
        in.readFully(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] types, int type) {
        for (byte t : types) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    private static void copy(InputStream in, OutputStream out, Socket vnc, Closeable otherSide) {
        byte[] buffer = new byte[32 * 1024];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (EOFException e) {
            // end of stream
        } catch (IOException e) {
            LOG.debug("VNC proxy stream ended: {}", e.toString());
        } finally {
            try {
                vnc.close();
                out.close();
                otherSide.close();
            } catch (IOException e) {
                LOG.debug("closing the VNC proxy: {}", e.toString());
            }
        }
    }
}
