package dev.fieldlink.viewer.server;

import dev.fieldlink.viewer.rfb.Encodings;
import dev.fieldlink.viewer.rfb.PixelConverter;
import dev.fieldlink.viewer.rfb.PixelFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Whole-frame FramebufferUpdate messages made with our server's encoders, as benchmark input. */
public final class EncodedFrames {
    private EncodedFrames() {}

    /**
     * One FramebufferUpdate covering the image, in 32 bpp little-endian RGB888.
     *
     * @param encoding raw, rre, hextile, zrle, tight, or tightjpeg (one Tight JPEG rectangle, quality 0.8)
     */
    public static byte[] update(BufferedImage img, String encoding) throws IOException {
        int w = img.getWidth();
        int h = img.getHeight();
        return update(img, img.getRGB(0, 0, w, h, null, 0, w), encoding);
    }

    /** As {@link #update(BufferedImage, String)} with the image's ARGB pixels already extracted. */
    public static byte[] update(BufferedImage img, int[] px, String encoding) throws IOException {
        int w = img.getWidth();
        int h = img.getHeight();
        PixelConverter pc = new PixelConverter(PixelFormat.RGB888_LE);
        WireBuffer out = new WireBuffer();
        out.u8(0);
        out.u8(0);
        int countAt = out.reserve(2);
        int count;
        switch (encoding) {
            case "raw":
                count = new RawEncoder().encode(out, pc, px, 0, 0, w, h);
                break;
            case "rre":
                count = new RreEncoder().encode(out, pc, px, 0, 0, w, h);
                break;
            case "hextile":
                count = new HextileEncoder().encode(out, pc, px, 0, 0, w, h);
                break;
            case "zrle":
                count = new ZrleEncoder(6).encode(out, pc, px, 0, 0, w, h);
                break;
            case "tight":
                count = new TightEncoder(6, false).encode(out, pc, px, 0, 0, w, h);
                break;
            case "tightjpeg":
                count = 1;
                jpeg(out, img);
                break;
            default:
                throw new IllegalArgumentException(encoding);
        }
        out.putU16(countAt, count);
        byte[] b = new byte[out.length()];
        System.arraycopy(out.array(), 0, b, 0, b.length);
        return b;
    }

    private static void jpeg(WireBuffer out, BufferedImage img) throws IOException {
        ByteArrayOutputStream jpg = new ByteArrayOutputStream();
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = it.next();
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.8f);
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(jpg)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), p);
        }
        writer.dispose();
        byte[] j = jpg.toByteArray();
        out.rectHeader(0, 0, img.getWidth(), img.getHeight(), Encodings.TIGHT);
        out.u8(0x90);
        int len = j.length;
        out.u8((len & 0x7F) | 0x80);
        out.u8(((len >> 7) & 0x7F) | 0x80);
        out.u8(len >> 14);
        out.bytes(j, 0, len);
    }
}
