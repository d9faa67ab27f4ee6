package dev.fieldlink.relay.account;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an uploaded technician photo into what the relay stores and sends to machines: a PNG of at most
 * {@value #MAX_EDGE}x{@value #MAX_EDGE} pixels, decoded and re-encoded so no metadata (location, camera, comments)
 * survives. Accepts PNG and JPEG of at most {@value #MAX_INPUT_BYTES} bytes; anything else is refused with a message
 * saying why. Thread-safe.
 */
public final class PhotoNormalizer {
    /** The largest upload accepted, in bytes (256 KiB). */
    public static final int MAX_INPUT_BYTES = 256 * 1024;

    /** The longest edge of a stored photo, in pixels. */
    public static final int MAX_EDGE = 256;

    /** Larger declared dimensions are refused before decoding (a small file can claim a huge image). */
    private static final int MAX_DECLARED_EDGE = 8192;

    /**
     * Checks, decodes, scales and re-encodes a photo.
     *
     * @throws FieldlinkException ({@link ProblemType#VALIDATION}) naming what is wrong
     */
    public byte[] normalize(byte[] input) {
        if (input == null || input.length == 0) {
            throw invalid("the photo file is empty");
        }
        if (input.length > MAX_INPUT_BYTES) {
            throw invalid("the photo is " + input.length / 1024 + " KiB; at most 256 KiB is accepted");
        }
        String format = sniff(input);
        if (format == null) {
            throw invalid("the photo must be a PNG or JPEG file");
        }
        BufferedImage image = decode(input, format);
        BufferedImage scaled = scale(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(scaled, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode PNG in memory", e);
        }
        return out.toByteArray();
    }

    private static String sniff(byte[] b) {
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0d
                && b[5] == 0x0a
                && b[6] == 0x1a
                && b[7] == 0x0a) {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "jpeg";
        }
        return null;
    }

    private static BufferedImage decode(byte[] input, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(input))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new IllegalStateException("no " + format + " reader available");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width > MAX_DECLARED_EDGE || height > MAX_DECLARED_EDGE) {
                    throw invalid("the photo is " + width + "x" + height + " pixels; at most " + MAX_DECLARED_EDGE
                            + " on each side is accepted");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw invalid("the " + format.toUpperCase(java.util.Locale.ROOT) + " file holds no image");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof FieldlinkException f) {
                throw f;
            }
            throw invalid("the " + format.toUpperCase(java.util.Locale.ROOT) + " file is damaged and cannot be read");
        }
    }

    private static BufferedImage scale(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, (double) MAX_EDGE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, tw, th);
            g.drawImage(image, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static FieldlinkException invalid(String detail) {
        return new FieldlinkException(ProblemType.VALIDATION, detail);
    }
}
