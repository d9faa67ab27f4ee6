package dev.fieldlink.viewer.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Drives an {@link XPainter} process on a test X display. */
public final class PainterProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;

    private PainterProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.getOutputStream();
    }

    /** Starts a painter showing {@code png} on {@code display} and waits until it has drawn. */
    public static PainterProcess show(String display, Path png, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        if (java.endsWith("bash") || !java.contains("java")) {
            java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
        String cp = Path.of(XPainter.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        ProcessBuilder pb =
                new ProcessBuilder(List.of(java, "-Xshare:auto", "-cp", cp, XPainter.class.getName(), png.toString()));
        pb.environment().put("DISPLAY", display);
        pb.redirectError(log.toFile());
        PainterProcess p = new PainterProcess(pb.start());
        p.awaitReady();
        return p;
    }

    private void awaitReady() throws IOException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String l;
        try {
            l = line.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("painter did not report READY in 30 s", e);
        }
        if (!"READY".equals(l)) {
            throw new IOException("painter said " + l);
        }
    }

    /** An X CopyArea inside the painter window, answered once the server processed it. */
    public void copy(int sx, int sy, int w, int h, int dx, int dy) throws IOException {
        command("copy " + sx + " " + sy + " " + w + " " + h + " " + dx + " " + dy);
    }

    public void show(Path png) throws IOException {
        command("show " + png);
    }

    private void command(String c) throws IOException {
        in.write((c + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        awaitReady();
    }

    @Override
    public void close() {
        try {
            in.write("quit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException ignored) {
            // It may be gone already.
        }
        Peers.stop(process);
    }
}
