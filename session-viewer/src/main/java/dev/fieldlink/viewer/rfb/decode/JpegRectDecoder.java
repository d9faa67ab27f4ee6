package dev.fieldlink.viewer.rfb.decode;

import dev.fieldlink.viewer.rfb.Framebuffer;
import dev.fieldlink.viewer.rfb.RfbException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes Tight's JPEG rectangles with ImageIO. The JPEG's own size is checked against the rectangle before any
 * pixel buffer is allocated; any ImageIO failure becomes a protocol error.
 */
final class JpegRectDecoder {
    private ImageReader reader;

    void decode(byte[] data, int len, Framebuffer fb, int x, int y, int w, int h) throws RfbException {
        if (w == 0 || h == 0) {
            return;
        }
        if (reader == null) {
            Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
            if (!it.hasNext()) {
                throw RfbException.unsupported("Tight: no JPEG decoder available");
            }
            reader = it.next();
        }
        BufferedImage img;
        try (MemoryCacheImageInputStream iis =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(data, 0, len))) {
            reader.setInput(iis, true, true);
            int jw = reader.getWidth(0);
            int jh = reader.getHeight(0);
            if (jw != w || jh != h) {
                throw RfbException.protocol("Tight: JPEG of " + jw + "x" + jh + " in a " + w + "x" + h + " rectangle");
            }
            img = reader.read(0);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RfbException) {
                throw (RfbException) e;
            }
            throw new RfbException(RfbException.Kind.PROTOCOL, "Tight: bad JPEG data (" + e.getMessage() + ")", e);
        } finally {
            reader.reset();
        }
        int[] px = fb.pixels();
        int stride = fb.width();
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR
                && img.getRaster().getDataBuffer() instanceof DataBufferByte) {
            byte[] b = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int r = 0; r < h; r++) {
                int o = (y + r) * stride + x;
                int bo = r * w * 3;
                for (int i = 0; i < w; i++, bo += 3) {
                    px[o + i] = 0xFF000000 | ((b[bo + 2] & 0xFF) << 16) | ((b[bo + 1] & 0xFF) << 8) | (b[bo] & 0xFF);
                }
            }
        } else {
            for (int r = 0; r < h; r++) {
                img.getRGB(0, r, w, 1, px, (y + r) * stride + x, w);
            }
        }
    }
}
