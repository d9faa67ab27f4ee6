package dev.fieldlink.viewer.testing;

import dev.fieldlink.viewer.recording.SessionRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A one-connection TCP splice on loopback, like the relay's: every chunk of both directions passes a {@link
 * SessionRecorder} before it is forwarded.
 */
public final class RecordingSplice implements AutoCloseable {
    private final ServerSocket listen;
    private final int targetPort;
    private final SessionRecorder recorder;
    private volatile Socket a;
    private volatile Socket b;

    public RecordingSplice(int targetPort, SessionRecorder recorder) throws IOException {
        this.listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.recorder = recorder;
        Thread t = new Thread(this::accept, "splice-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return listen.getLocalPort();
    }

    private void accept() {
        try {
            a = listen.accept();
            b = new Socket("127.0.0.1", targetPort);
            a.setTcpNoDelay(true);
            b.setTcpNoDelay(true);
            pump(a.getInputStream(), b.getOutputStream(), true);
            pump(b.getInputStream(), a.getOutputStream(), false);
        } catch (IOException e) {
            // The test fails on its own assertions.
        }
    }

    private void pump(InputStream in, OutputStream out, boolean clientToServer) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[8192];
                    try {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            if (clientToServer) {
                                recorder.clientToServer(buf, 0, n);
                            } else {
                                recorder.serverToClient(buf, 0, n);
                            }
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // Connection closed.
                    }
                },
                clientToServer ? "splice-c2s" : "splice-s2c");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listen.close();
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }
}
