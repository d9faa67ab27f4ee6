package dev.fieldlink.viewer.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Starting, polling and stopping external peers (X servers, VNC servers and clients) with deadlines. */
public final class Peers {
    private Peers() {}

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Polls {@code condition} every 20 ms until true; fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /** Waits until a TCP port accepts and sends at least the 12-byte RFB version. */
    public static void awaitRfb(int port, Duration timeout) {
        await("RFB on port " + port, timeout, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                s.setSoTimeout(2000);
                InputStream in = s.getInputStream();
                byte[] b = in.readNBytes(12);
                return b.length == 12 && new String(b, StandardCharsets.US_ASCII).startsWith("RFB ");
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Starts a process with its output in {@code log}. */
    public static Process start(Path log, List<String> command, String display) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        if (display != null) {
            pb.environment().put("DISPLAY", display);
        }
        pb.environment().remove("WAYLAND_DISPLAY");
        return pb.start();
    }

    /**
     * Starts an X server command with {@code -displayfd 3} through bash and returns it with its display name.
     *
     * @param args the server and its arguments without -displayfd
     */
    public static XServer startX(Path dir, List<String> args) throws IOException {
        Path fd = Files.createTempFile(dir, "displayfd", ".txt");
        Path log = Files.createTempFile(dir, "xserver", ".log");
        List<String> cmd = new ArrayList<>(args);
        cmd.add("-displayfd");
        cmd.add("3");
        String line = String.join(" ", cmd.stream().map(Peers::quote).toList());
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "exec " + line + " 3>" + quote(fd.toString()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        String[] display = {""};
        try {
            await("X server " + args.get(0) + " to report its display", Duration.ofSeconds(20), () -> {
                try {
                    display[0] = Files.readString(fd).trim();
                } catch (IOException e) {
                    return false;
                }
                return !display[0].isEmpty() || !p.isAlive();
            });
        } catch (AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
        if (!p.isAlive()) {
            throw new IOException(args.get(0) + " exited: " + Files.readString(log));
        }
        return new XServer(p, ":" + display[0], log);
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    public static void stop(Process p) {
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True if a program is on the PATH. */
    public static boolean installed(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A running X server. */
    public record XServer(Process process, String display, Path log) implements AutoCloseable {
        @Override
        public void close() {
            stop(process);
        }
    }
}
