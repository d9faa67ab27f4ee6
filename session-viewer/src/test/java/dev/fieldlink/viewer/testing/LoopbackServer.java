package dev.fieldlink.viewer.testing;

import dev.fieldlink.viewer.server.RfbServer;
import dev.fieldlink.viewer.server.RfbServerSession;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Serves an {@link RfbServer} on a loopback port, one session per accepted connection, until closed. */
public final class LoopbackServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<RfbServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public LoopbackServer(RfbServer server) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(
                () -> {
                    while (!socket.isClosed()) {
                        try {
                            Socket s = socket.accept();
                            s.setTcpNoDelay(true);
                            sessions.add(server.serve(s.getInputStream(), s.getOutputStream()));
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "loopback-rfb-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<RfbServerSession> sessions() {
        return sessions;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (RfbServerSession s : sessions) {
            s.close();
        }
    }
}
