package dev.fieldlink.agent.testing;

import dev.fieldlink.testing.Poll;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts real X/VNC servers (TigerVNC's Xvnc) for interoperability tests, on free ports and displays. */
public final class XServers {
    private XServers() {}

    /** A running Xvnc; {@link #close} kills it. */
    public record Xvnc(Process process, int display, int port) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    public static boolean available(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts Xvnc on loopback. With {@code passwordFile} it requires VNC authentication, else none.
     */
    public static Xvnc xvnc(Path passwordFile, Path log) throws Exception {
        int port = freePort();
        int display = 50 + (port % 400);
        List<String> cmd = new ArrayList<>(List.of(
                "Xvnc",
                ":" + display,
                "-geometry",
                "800x600",
                "-depth",
                "24",
                "-rfbport",
                Integer.toString(port),
                "-interface",
                "127.0.0.1",
                "-AlwaysShared",
                "-nolisten",
                "tcp"));
        if (passwordFile == null) {
            cmd.addAll(List.of("-SecurityTypes", "None"));
        } else {
            cmd.addAll(List.of("-SecurityTypes", "VncAuth", "-PasswordFile", passwordFile.toString()));
        }
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Poll.until(Duration.ofSeconds(10), "Xvnc listening on " + port, () -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII).startsWith("RFB ");
            } catch (IOException e) {
                return false;
            }
        });
        return new Xvnc(p, display, port);
    }

    /** Runs a program to completion within {@code timeout}; returns its exit code. */
    public static int run(Duration timeout, Path log, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        return p.exitValue();
    }
}
