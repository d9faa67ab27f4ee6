package dev.fieldlink.viewer.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/** The X server's own view of its screen: {@code xwd -root} converted by ImageMagick. */
public final class Screenshots {
    private Screenshots() {}

    public static BufferedImage xwd(String display, Path dir) throws IOException, InterruptedException {
        Path png = Files.createTempFile(dir, "shot", ".png");
        Path log = Files.createTempFile(dir, "xwd", ".log");
        Process p = Peers.start(
                log,
                List.of("bash", "-c", "xwd -root -silent | /usr/bin/convert xwd:- png:" + Peers.quote(png.toString())),
                display);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("xwd failed: " + Files.readString(log));
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
        Files.deleteIfExists(png);
        return img;
    }
}
