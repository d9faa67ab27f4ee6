package dev.fieldlink.viewer.bench;

import dev.fieldlink.viewer.server.EncodedFrames;
import dev.fieldlink.viewer.testing.TestPictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Writes the zlib data of one full-frame ZRLE update per picture to {@code <dir>/<name>.zlib}, the input of {@code
 * bench/inflate-floor.sh}, which times native inflaters over exactly what {@link InflateBaselineBenchmark} inflates.
 *
 * <p>Arguments: the output directory, then any number of PNG files to encode besides {@code hmi} and {@code photo}.
 */
public final class ZlibStreams {
    private ZlibStreams() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ZlibStreams <output-dir> [picture.png ...]");
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        write(dir, "hmi", TestPictures.hmi(1920, 1080));
        write(dir, "photo", TestPictures.photo(1920, 1080, 7));
        for (int i = 1; i < args.length; i++) {
            Path png = Path.of(args[i]);
            BufferedImage read = ImageIO.read(png.toFile());
            if (read == null) {
                throw new IOException(png + " is not a picture ImageIO can read");
            }
            BufferedImage rgb = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(read, 0, 0, null);
            write(dir, png.getFileName().toString().replaceFirst("\\.png$", ""), rgb);
        }
    }

    /** The zlib data of one ZRLE rectangle: after the update header (4), rectangle header (12) and length (4). */
    static byte[] zrleZlibData(BufferedImage img) throws IOException {
        byte[] frame = EncodedFrames.update(img, "zrle");
        return Arrays.copyOfRange(frame, 20, frame.length);
    }

    private static void write(Path dir, String name, BufferedImage img) throws IOException {
        Files.write(dir.resolve(name + ".zlib"), zrleZlibData(img));
    }
}
