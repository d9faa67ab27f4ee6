package dev.fieldlink.relay.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.audit.AuditEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes audit events for archiving or analysis: JSON lines (one {@link AuditEvent} per line, exactly as hashed) or
 * CSV (RFC 4180, details as one JSON column). Streams are written in order; reads in pages. Thread-safe.
 */
public final class AuditExporter {
    /** Output formats. */
    public enum Format {
        JSONL,
        CSV
    }

    private static final int PAGE = 1000;

    private final AuditRepository repository;
    private final ObjectMapper mapper = Json.mapper();

    public AuditExporter(AuditRepository repository) {
        this.repository = repository;
    }

    /**
     * Writes every event of every stream (or only {@code onlyStream} if not null).
     *
     * @return the number of events written
     */
    public long export(OutputStream out, Format format, String onlyStream) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        long n = export(writer, format, onlyStream);
        writer.flush();
        return n;
    }

    /** As {@link #export(OutputStream, Format, String)}, to a character stream. */
    public long export(Writer writer, Format format, String onlyStream) throws IOException {
        long count = 0;
        if (format == Format.CSV) {
            writer.write("stream,sequence,type,actor,subject,time,details,prev_hash,hash\r\n");
        }
        List<String> streams = onlyStream == null ? repository.streams() : List.of(onlyStream);
        try (SequenceWriter json = format == Format.JSONL
                ? mapper.writer()
                        .withRootValueSeparator("\n")
                        .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                        .writeValues(writer)
                : null) {
            for (String stream : streams) {
                long after = 0;
                while (true) {
                    List<AuditEvent> page = repository.page(stream, after, PAGE);
                    if (page.isEmpty()) {
                        break;
                    }
                    for (AuditEvent e : page) {
                        if (json != null) {
                            json.write(e);
                        } else {
                            writeCsv(writer, e);
                        }
                        count++;
                    }
                    after = page.get(page.size() - 1).sequence();
                }
            }
            if (json != null && count > 0) {
                json.flush();
                writer.write("\n");
            }
        }
        writer.flush();
        return count;
    }

    private void writeCsv(Writer w, AuditEvent e) throws IOException {
        w.write(String.join(
                ",",
                csv(e.stream()),
                Long.toString(e.sequence()),
                csv(e.type()),
                csv(e.actor()),
                csv(e.subject()),
                csv(e.time().toString()),
                csv(mapper.writeValueAsString(new java.util.TreeMap<String, String>(detailsOf(e)))),
                csv(e.prevHash()),
                csv(e.hash())));
        w.write("\r\n");
    }

    private static Map<String, String> detailsOf(AuditEvent e) {
        return e.details();
    }

    private static String csv(String v) {
        if (v == null) {
            return "";
        }
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
