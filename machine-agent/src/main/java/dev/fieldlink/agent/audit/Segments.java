package dev.fieldlink.agent.audit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names and order of the audit log's segment files: {@code audit-<first sequence, 12 digits>.jsonl}. */
final class Segments {
    private static final Pattern NAME = Pattern.compile("audit-(\\d{12})\\.jsonl");

    private Segments() {}

    /** One segment file and the sequence of its first event. */
    record Segment(Path file, long firstSequence) {}

    static String fileName(long firstSequence) {
        return String.format("audit-%012d.jsonl", firstSequence);
    }

    /** The segments in {@code dir}, oldest first. */
    static List<Segment> list(Path dir) throws IOException {
        List<Segment> segments = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return segments;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "audit-*.jsonl")) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    segments.add(new Segment(file, Long.parseLong(m.group(1))));
                }
            }
        }
        segments.sort(Comparator.comparingLong(Segment::firstSequence));
        return segments;
    }
}
