package dev.fieldlink.relay.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.protocol.problem.FieldlinkException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoNormalizerTest {
    final PhotoNormalizer photos = new PhotoNormalizer();

    @Test
    void largePng_isScaledToAtMost256_keepingItsShape_andMetadataIsGone() throws IOException {
        byte[] png = withTextChunk(image("png", 1000, 500), "Location", "47.3769N 8.5417E secret-marker");
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("secret-marker");
        byte[] out = photos.normalize(png);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(out));
        assertThat(read.getWidth()).isEqualTo(256);
        assertThat(read.getHeight()).isEqualTo(128);
        assertThat(new String(out, StandardCharsets.ISO_8859_1)).doesNotContain("secret-marker");
        assertThat(new Color(read.getRGB(10, 10))).isEqualTo(Color.ORANGE);
    }

    @Test
    void jpeg_isAccepted_andBecomesPng() throws IOException {
        byte[] out = photos.normalize(image("jpg", 200, 300));
        assertThat(Arrays.copyOf(out, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(ImageIO.read(new ByteArrayInputStream(out)).getHeight()).isEqualTo(256);
    }

    @Test
    void otherFormatsTooLargeDamagedOrHugeImages_areRefusedSayingWhy() throws IOException {
        assertThatThrownBy(() -> photos.normalize(image("gif", 10, 10)))
                .isInstanceOf(FieldlinkException.class)
                .hasMessage("the photo must be a PNG or JPEG file");
        assertThatThrownBy(() -> photos.normalize(new byte[300 * 1024])).hasMessageContaining("at most 256 KiB");
        assertThatThrownBy(() -> photos.normalize(new byte[0])).hasMessageContaining("empty");
        byte[] png = image("png", 100, 100);
        assertThatThrownBy(() -> photos.normalize(Arrays.copyOf(png, 60))).hasMessageContaining("PNG file is damaged");
        assertThatThrownBy(() -> photos.normalize(hugeHeader())).hasMessageContaining("100000x100000 pixels");
    }

    private static byte[] image(String format, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).isTrue();
        return out.toByteArray();
    }

    /** Inserts a tEXt chunk after IHDR (signature 8 bytes + IHDR 25 bytes). */
    private static byte[] withTextChunk(byte[] png, String key, String value) {
        byte[] data = (key + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
        byte[] chunk = chunk("tEXt", data);
        ByteBuffer b = ByteBuffer.allocate(png.length + chunk.length);
        b.put(png, 0, 33).put(chunk).put(png, 33, png.length - 33);
        return b.array();
    }

    private static byte[] hugeHeader() {
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(100_000)
                .putInt(100_000)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        b.put(chunk("IHDR", ihdr.array()));
        b.put(chunk("IEND", new byte[0]));
        return b.array();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(t)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }
}
