package dev.fieldlink.relay.api;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.history.HistoryQuery;
import dev.fieldlink.relay.recording.RecordingInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET history/sessions} (filters {@code technician, machine, customer, from, to, outcome, offset, limit}),
 * {@code GET history/sessions/{id}} and {@code GET history/sessions/{id}/recording} ({@code segment}, HTTP Range).
 */
final class HistoryRoutes {
    private final ApiContext api;

    HistoryRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RoutesConfig r) {
        r.get(ApiServer.BASE + "/history/sessions", this::list);
        r.get(ApiServer.BASE + "/history/sessions/{id}", this::detail);
        r.get(ApiServer.BASE + "/history/sessions/{id}/recording", this::recording);
    }

    private void list(Context ctx) {
        HistoryQuery q = new HistoryQuery(
                ctx.queryParam("technician"),
                ctx.queryParam("machine"),
                ctx.queryParam("customer"),
                instant(ctx.queryParam("from"), "from"),
                instant(ctx.queryParam("to"), "to"),
                ctx.queryParam("outcome"),
                MachineRoutes.integer(ctx.queryParam("offset"), "offset", 0),
                MachineRoutes.integer(ctx.queryParam("limit"), "limit", HistoryQuery.DEFAULT_LIMIT));
        ctx.json(api.history().list(BearerAuth.caller(ctx).account(), q));
    }

    private void detail(Context ctx) {
        ctx.json(api.history().detail(BearerAuth.caller(ctx).account(), ctx.pathParam("id")));
    }

    private void recording(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        List<RecordingInfo> segments =
                api.history().recordings(BearerAuth.caller(ctx).account(), id);
        int segment = MachineRoutes.integer(ctx.queryParam("segment"), "segment", 1);
        RecordingInfo info = segments.stream()
                .filter(s -> s.segment() == segment)
                .findFirst()
                .orElseThrow(() -> new FieldlinkException(
                        ProblemType.NOT_FOUND, "session " + id + " has no recording segment " + segment));
        Path file = api.recordings()
                .file(info)
                .orElseThrow(() -> new FieldlinkException(ProblemType.NOT_FOUND, "the recording file is gone"));
        serve(ctx, file, api.recordings().format().mediaType());
    }

    /** Serves a file whole or one {@code bytes=} range of it; multiple ranges are answered with the whole file. */
    static void serve(Context ctx, Path file, String mediaType) throws IOException {
        long size = Files.size(file);
        long start = 0;
        long end = size - 1;
        String range = ctx.header("Range");
        boolean partial = false;
        if (range != null && range.startsWith("bytes=") && !range.contains(",")) {
            String spec = range.substring(6).trim();
            int dash = spec.indexOf('-');
            try {
                if (dash < 0) {
                    throw new NumberFormatException();
                }
                String a = spec.substring(0, dash).trim();
                String b = spec.substring(dash + 1).trim();
                if (a.isEmpty()) {
                    long suffix = Long.parseLong(b);
                    start = Math.max(0, size - suffix);
                } else {
                    start = Long.parseLong(a);
                    end = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
                }
            } catch (NumberFormatException e) {
                throw new FieldlinkException(ProblemType.BAD_REQUEST, "the Range header is malformed: " + range);
            }
            if (start >= size || start > end) {
                ctx.header("Content-Range", "bytes */" + size);
                throw new FieldlinkException(
                        ProblemType.RANGE_NOT_SATISFIABLE, "the range " + range + " is outside the " + size + " bytes");
            }
            partial = true;
        }
        long length = end - start + 1;
        // Byte ranges and Content-Length count the file's own bytes: never gzip it on the way (recordings are
        // compressed already), whatever the client's Accept-Encoding says.
        ctx.disableCompression();
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Content-Length", Long.toString(length));
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"");
        if (partial) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        ctx.contentType(mediaType);
        try (SeekableByteChannel ch = Files.newByteChannel(file);
                InputStream in = Channels.newInputStream(ch.position(start));
                OutputStream out = ctx.outputStream()) {
            byte[] buf = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    private static Instant instant(String v, String name) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new FieldlinkException(
                    ProblemType.VALIDATION, name + " must be an ISO-8601 instant such as 2026-11-23T10:00:00Z");
        }
    }
}
