package dev.fieldlink.viewer.recording;

import dev.fieldlink.viewer.rfb.PixelFormat;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads a recording file: validates the header, indexes every complete record (checking lengths and CRC-32s) and
 * stops at the first incomplete or corrupt one, as a crash leaves it. Thread-safe for reading payloads.
 */
public final class RecordingReader implements AutoCloseable {
    /** One record: type, time since start, where its payload is, and for chunks the stream offset it starts at. */
    record Entry(int type, long timeMillis, long payloadPos, int length, long streamOffset) {}

    private final FileChannel ch;
    private final RecordingHeader header;
    private final List<Entry> entries;
    private final boolean truncated;
    private final boolean ended;
    private final String endReason;

    private RecordingReader(
            FileChannel ch,
            RecordingHeader header,
            List<Entry> entries,
            boolean truncated,
            boolean ended,
            String endReason) {
        this.ch = ch;
        this.header = header;
        this.entries = entries;
        this.truncated = truncated;
        this.ended = ended;
        this.endReason = endReason;
    }

    /** Opens and indexes a recording; fails naming the problem if the header is not a valid one. */
    public static RecordingReader open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = ch.size();
            ByteBuffer fixed = ByteBuffer.allocate(12);
            if (size < 12 || ch.read(fixed, 0) < 12) {
                throw new IOException(file + ": too short for a recording header");
            }
            byte[] magic = Arrays.copyOf(fixed.array(), 8);
            if (!Arrays.equals(magic, RecordingFormat.MAGIC)) {
                throw new IOException(file + ": not a Fieldlink recording (bad magic)");
            }
            int version = fixed.getShort(8) & 0xFFFF;
            if (version != RecordingFormat.VERSION) {
                throw new IOException(file + ": recording format version " + version + " is not supported");
            }
            int bodyLen = fixed.getShort(10) & 0xFFFF;
            ByteBuffer hb = ByteBuffer.allocate(12 + bodyLen + 4);
            if (ch.read(hb, 0) < hb.capacity()) {
                throw new IOException(file + ": recording header is incomplete");
            }
            CRC32 crc = new CRC32();
            crc.update(hb.array(), 0, 12 + bodyLen);
            if ((int) crc.getValue() != hb.getInt(12 + bodyLen)) {
                throw new IOException(file + ": recording header checksum mismatch");
            }
            DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(hb.array(), 12, bodyLen));
            long startMs = d.readLong();
            String sessionId = RecordingFormat.utf(d);
            int minor = d.readUnsignedByte();
            int w = d.readUnsignedShort();
            int h = d.readUnsignedShort();
            byte[] pf = new byte[16];
            d.readFully(pf);
            String name = RecordingFormat.utf(d);
            PixelFormat format = w == 0 ? null : PixelFormat.read(pf, 0);
            RecordingHeader header = new RecordingHeader(startMs, sessionId, minor, w, h, format, name);

            List<Entry> entries = new ArrayList<>();
            long pos = hb.capacity();
            long c2s = 0;
            long s2c = 0;
            boolean truncated = false;
            boolean ended = false;
            String reason = "";
            ByteBuffer rh = ByteBuffer.allocate(9);
            while (pos < size) {
                rh.clear();
                if (size - pos < RecordingFormat.RECORD_OVERHEAD || ch.read(rh, pos) < 9) {
                    truncated = true;
                    break;
                }
                int type = rh.get(0) & 0xFF;
                long t = rh.getInt(1) & 0xFFFFFFFFL;
                int len = rh.getInt(5);
                if (len < 0
                        || len > RecordingFormat.MAX_RECORD
                        || pos + RecordingFormat.RECORD_OVERHEAD + len > size
                        || type < 1
                        || type > 4) {
                    truncated = true;
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(9 + len + 4);
                ch.read(body, pos);
                CRC32 rc = new CRC32();
                rc.update(body.array(), 0, 9 + len);
                if ((int) rc.getValue() != body.getInt(9 + len)) {
                    truncated = true;
                    break;
                }
                long offset = type == RecordingFormat.CLIENT_TO_SERVER
                        ? c2s
                        : type == RecordingFormat.SERVER_TO_CLIENT ? s2c : 0;
                entries.add(new Entry(type, t, pos + 9, len, offset));
                if (type == RecordingFormat.CLIENT_TO_SERVER) {
                    c2s += len;
                } else if (type == RecordingFormat.SERVER_TO_CLIENT) {
                    s2c += len;
                } else if (type == RecordingFormat.END) {
                    ended = true;
                    reason = new String(body.array(), 9, len, java.nio.charset.StandardCharsets.UTF_8);
                }
                pos += RecordingFormat.RECORD_OVERHEAD + len;
            }
            return new RecordingReader(ch, header, List.copyOf(entries), truncated, ended, reason);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public RecordingHeader header() {
        return header;
    }

    /** True when the file ends in an incomplete or corrupt record (a crash); everything before it is readable. */
    public boolean truncated() {
        return truncated;
    }

    /** True when the recorder closed the file normally. */
    public boolean ended() {
        return ended;
    }

    public String endReason() {
        return endReason;
    }

    /** Time of the last record. */
    public Duration duration() {
        return entries.isEmpty()
                ? Duration.ZERO
                : Duration.ofMillis(entries.get(entries.size() - 1).timeMillis());
    }

    public long keyframeCount() {
        return entries.stream()
                .filter(e -> e.type() == RecordingFormat.KEYFRAME)
                .count();
    }

    List<Entry> entries() {
        return entries;
    }

    byte[] payload(Entry e) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(e.length());
        long pos = e.payloadPos();
        while (b.hasRemaining()) {
            int n = ch.read(b, pos + b.position());
            if (n < 0) {
                throw new IOException("recording ended inside a record");
            }
        }
        return b.array();
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
