package dev.fieldlink.agent.debug;

import dev.fieldlink.agent.connection.ScreenService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the screen to VNC clients on a loopback address, so standard clients can be tested against the agent's RFB
 * server. Off by default; refuses any address that is not loopback (the agent never listens on the network). No
 * consent is involved: it is a developer tool on the machine itself, and its connections are logged.
 */
public final class DebugRfbListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DebugRfbListener.class);

    private final ServerSocket socket;
    private final ScreenService service;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fieldlink-debug-rfb");
        t.setDaemon(true);
        return t;
    });

    private DebugRfbListener(ServerSocket socket, ScreenService service) {
        this.socket = socket;
        this.service = service;
        threads.execute(this::accept);
    }

    /**
     * Parses {@code HOST:PORT} where HOST is a loopback IP literal ({@code 127.0.0.1}, {@code ::1}, or {@code
     * [::1]}) or {@code localhost}; port 0 picks a free one.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static InetSocketAddress parseLoopback(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("--debug-rfb-listen must be HOST:PORT, e.g. 127.0.0.1:5999");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--debug-rfb-listen: '" + text.substring(colon + 1) + "' is not a port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--debug-rfb-listen: port must be 0 to 65535");
        }
        InetAddress address;
        if (host.equals("localhost")) {
            address = InetAddress.getLoopbackAddress();
        } else if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                address = InetAddress.getByName(host); // an IP literal: no name lookup happens
            } catch (IOException e) {
                throw new IllegalArgumentException("--debug-rfb-listen: '" + host + "' is not an IP address");
            }
        } else {
            throw new IllegalArgumentException(
                    "--debug-rfb-listen: '" + host + "' is not a loopback address; use 127.0.0.1, ::1 or localhost");
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("--debug-rfb-listen: " + host
                    + " is not a loopback address; the agent never listens on the network");
        }
        return new InetSocketAddress(address, port);
    }

    /** Listens on {@code address}, which must be loopback. */
    public static DebugRfbListener start(InetSocketAddress address, ScreenService service) throws IOException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException(address + " is not a loopback address");
        }
        ServerSocket socket = new ServerSocket();
        socket.bind(address, 4);
        LOG.warn(
                "Debug RFB listener on {} (loopback only, no consent: a developer tool)",
                socket.getLocalSocketAddress());
        return new DebugRfbListener(socket, service);
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                LOG.info("Debug RFB client from {}", client.getRemoteSocketAddress());
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("Debug RFB listener: {}", e.toString());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            service.serve("debug", client.getInputStream(), client.getOutputStream());
        } catch (IOException e) {
            LOG.debug("Debug RFB client ended: {}", e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
