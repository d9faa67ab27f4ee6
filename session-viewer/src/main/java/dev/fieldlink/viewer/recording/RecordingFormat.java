package dev.fieldlink.viewer.recording;

import dev.fieldlink.viewer.rfb.CursorShape;
import dev.fieldlink.viewer.rfb.PixelFormat;
import dev.fieldlink.viewer.rfb.decode.DecoderState;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Constants and codecs of the recording file format, version 1 (see docs/recording-format.md). */
final class RecordingFormat {
    static final byte[] MAGIC = "FLRFBREC".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int CLIENT_TO_SERVER = 1;
    static final int SERVER_TO_CLIENT = 2;
    static final int KEYFRAME = 3;
    static final int END = 4;
    /** Record header: type u8, time u32, length u32. Trailer: CRC-32 u32. */
    static final int RECORD_OVERHEAD = 13;

    static final int MAX_RECORD = 256 << 20;

    private RecordingFormat() {}

    static byte[] header(RecordingHeader h) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        d.writeLong(h.startEpochMillis());
        utf(d, h.sessionId());
        d.writeByte(h.rfbMinorVersion());
        d.writeShort(h.width());
        d.writeShort(h.height());
        d.write(h.pixelFormat() == null ? new byte[16] : h.pixelFormat().toBytes());
        utf(d, h.desktopName());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream a = new DataOutputStream(all);
        a.write(MAGIC);
        a.writeShort(VERSION);
        a.writeShort(body.size());
        a.write(body.toByteArray());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(all.toByteArray());
        a.writeInt((int) crc.getValue());
        return all.toByteArray();
    }

    static void utf(DataOutputStream d, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.writeShort(b.length);
        d.write(b);
    }

    static String utf(DataInputStream d) throws IOException {
        byte[] b = new byte[d.readUnsignedShort()];
        d.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A keyframe: offsets to resume at, decoder state and the framebuffer. */
    record Keyframe(
            long serverOffset,
            long clientOffset,
            int rfbMinorVersion,
            int width,
            int height,
            DecoderState state,
            int[] pixels) {}

    static byte[] keyframe(Keyframe k) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.writeLong(k.serverOffset());
        d.writeLong(k.clientOffset());
        d.writeByte(k.rfbMinorVersion());
        d.writeShort(k.width());
        d.writeShort(k.height());
        d.write(k.state().pixelFormat().toBytes());
        utf(d, k.state().name());
        CursorShape c = k.state().cursor();
        d.writeShort(c.width());
        d.writeShort(c.height());
        d.writeShort(c.hotX());
        d.writeShort(c.hotY());
        for (int p : c.argb()) {
            d.writeInt(p);
        }
        for (DecoderState.Zlib z : k.state().zlib()) {
            d.writeBoolean(z.started());
            d.writeShort(z.dictionary().length);
            d.write(z.dictionary());
        }
        byte[] rgb = new byte[k.pixels().length * 3];
        for (int i = 0, o = 0; i < k.pixels().length; i++, o += 3) {
            int p = k.pixels()[i];
            rgb[o] = (byte) (p >>> 16);
            rgb[o + 1] = (byte) (p >>> 8);
            rgb[o + 2] = (byte) p;
        }
        Deflater def = new Deflater(1);
        def.setInput(rgb);
        def.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream(rgb.length / 4 + 64);
        byte[] buf = new byte[64 * 1024];
        while (!def.finished()) {
            int n = def.deflate(buf);
            z.write(buf, 0, n);
        }
        def.end();
        d.writeInt(z.size());
        z.writeTo(d);
        return out.toByteArray();
    }

    static Keyframe keyframe(byte[] payload, long maxPixels) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        long serverOffset = d.readLong();
        long clientOffset = d.readLong();
        int minor = d.readUnsignedByte();
        int w = d.readUnsignedShort();
        int h = d.readUnsignedShort();
        if (w == 0 || h == 0 || (long) w * h > maxPixels) {
            throw new IOException("keyframe of " + w + "x" + h + " pixels is out of bounds");
        }
        byte[] pf = new byte[16];
        d.readFully(pf);
        String name = utf(d);
        int cw = d.readUnsignedShort();
        int ch = d.readUnsignedShort();
        int hx = d.readUnsignedShort();
        int hy = d.readUnsignedShort();
        if (cw > 256 || ch > 256) {
            throw new IOException("keyframe cursor of " + cw + "x" + ch + " is out of bounds");
        }
        int[] cursor = new int[cw * ch];
        for (int i = 0; i < cursor.length; i++) {
            cursor[i] = d.readInt();
        }
        List<DecoderState.Zlib> zlib = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            boolean started = d.readBoolean();
            int len = d.readUnsignedShort();
            if (len > 32768) {
                throw new IOException("keyframe zlib dictionary of " + len + " bytes");
            }
            byte[] dict = new byte[len];
            d.readFully(dict);
            zlib.add(new DecoderState.Zlib(started, dict));
        }
        int zlen = d.readInt();
        byte[] z = new byte[zlen];
        d.readFully(z);
        byte[] rgb = new byte[w * h * 3];
        Inflater inf = new Inflater();
        inf.setInput(z);
        try {
            int n = 0;
            while (n < rgb.length) {
                int r = inf.inflate(rgb, n, rgb.length - n);
                if (r == 0 && (inf.needsInput() || inf.finished())) {
                    throw new IOException("keyframe pixels end early");
                }
                n += r;
            }
        } catch (DataFormatException e) {
            throw new IOException("keyframe pixels are corrupt", e);
        } finally {
            inf.end();
        }
        int[] px = new int[w * h];
        for (int i = 0, o = 0; i < px.length; i++, o += 3) {
            px[i] = 0xFF000000 | (rgb[o] & 0xFF) << 16 | (rgb[o + 1] & 0xFF) << 8 | (rgb[o + 2] & 0xFF);
        }
        DecoderState state = new DecoderState(
                PixelFormat.read(pf, 0),
                zlib,
                cw == 0 ? CursorShape.EMPTY : new CursorShape(cw, ch, hx, hy, cursor),
                name);
        return new Keyframe(serverOffset, clientOffset, minor, w, h, state, px);
    }
}
