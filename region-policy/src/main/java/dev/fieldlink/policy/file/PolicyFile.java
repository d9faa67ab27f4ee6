package dev.fieldlink.policy.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fieldlink.policy.EntitlementPolicy;
import dev.fieldlink.policy.ProductLine;
import dev.fieldlink.policy.region.Region;
import dev.fieldlink.policy.region.RegionTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the policy file: the region tree, the product lines, and optionally how long an undertaking stays valid
 * and the time zone of dates. Every error names the line and the field; see {@code docs/region-policy.md} for the
 * format. Thread-safe.
 */
public final class PolicyFile {
    /** Files larger than this are refused before parsing. */
    public static final int MAX_BYTES = 1 << 20;

    /** What a product-line id may look like. */
    public static final Pattern PRODUCT_LINE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private static final ObjectReader READER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .addHandler(new UnknownFields())
            .build()
            .readerFor(FileSpec.class);

    private PolicyFile() {}

    /** The resource holding the policy a relay uses when it is given no file: {@value}. */
    public static final String DEFAULT_RESOURCE = "default-policy.yaml";

    /** The bundled default policy (regions EMEA, AMERICAS, APAC and their countries; three product lines). */
    public static EntitlementPolicy defaults() {
        try (InputStream in = PolicyFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default policy " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return parse(DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | PolicyFileException e) {
            throw new IllegalStateException("the bundled default policy is unusable: " + e.getMessage(), e);
        }
    }

    /** Reads and checks {@code file}. */
    public static EntitlementPolicy load(Path file) throws PolicyFileException {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new PolicyFileException(name, 0, 0, "", "the file is larger than " + MAX_BYTES + " bytes");
            }
            return parse(name, new String(bytes, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new PolicyFileException(name, 0, 0, "", "the file does not exist");
        } catch (IOException e) {
            throw new PolicyFileException(name, 0, 0, "", "the file cannot be read: " + e.getMessage());
        }
    }

    /**
     * Parses and checks policy YAML.
     *
     * @param name how errors name the source, e.g. the file name
     */
    public static EntitlementPolicy parse(String name, String yaml) throws PolicyFileException {
        FileSpec spec;
        try {
            spec = READER.readValue(yaml);
        } catch (JsonMappingException e) {
            throw fromMapping(name, e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new PolicyFileException(
                    name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "", firstLine(e));
        }
        if (spec == null) {
            throw new PolicyFileException(name, 0, 0, "", "the file is empty; it needs regions and productLines");
        }
        return new Checker(name).check(spec);
    }

    // Plain classes rather than records: Jackson then reads them without buffering, so an unknown field is
    // reported while the parser still knows its line.
    static final class FileSpec {
        public List<RegionSpec> regions;
        public List<LineSpec> productLines;
        public Located undertakingValidity;
        public Located timeZone;
    }

    static final class RegionSpec {
        public Located id;
        public Located name;
        public List<RegionSpec> children;
    }

    static final class LineSpec {
        public Located id;
        public Located name;
    }

    /** The checks Jackson cannot make: ids, duplicates, periods, zones. */
    private static final class Checker {
        private final String file;
        private final List<Region> regions = new ArrayList<>();
        private final Map<String, String> seenRegions = new HashMap<>();

        Checker(String file) {
            this.file = file;
        }

        EntitlementPolicy check(FileSpec spec) throws PolicyFileException {
            if (spec.regions == null || spec.regions.isEmpty()) {
                throw new PolicyFileException(file, 0, 0, "regions", "at least one region is required");
            }
            for (int i = 0; i < spec.regions.size(); i++) {
                region(spec.regions.get(i), null, "regions[" + i + "]");
            }
            if (spec.productLines == null || spec.productLines.isEmpty()) {
                throw new PolicyFileException(file, 0, 0, "productLines", "at least one product line is required");
            }
            return new EntitlementPolicy(
                    new RegionTree(regions), productLines(spec.productLines), validity(spec), zone(spec));
        }

        private void region(RegionSpec spec, String parent, String path) throws PolicyFileException {
            if (spec == null) {
                throw new PolicyFileException(file, 0, 0, path, "an empty entry is not a region");
            }
            Located id = required(spec.id, spec.name, path);
            if (!RegionTree.ID.matcher(id.value()).matches()) {
                throw error(
                        id,
                        path + ".id",
                        "'" + id.value() + "' is not a valid region id: use letters, digits,"
                                + " '_' and '-', at most 64 characters");
            }
            String earlier = seenRegions.putIfAbsent(id.value(), path);
            if (earlier != null) {
                throw error(id, path + ".id", "region '" + id.value() + "' is already defined at " + earlier);
            }
            regions.add(new Region(id.value(), text(spec.name), parent));
            List<RegionSpec> children = spec.children == null ? List.of() : spec.children;
            for (int i = 0; i < children.size(); i++) {
                region(children.get(i), id.value(), path + ".children[" + i + "]");
            }
        }

        private Collection<ProductLine> productLines(List<LineSpec> specs) throws PolicyFileException {
            Map<String, String> seen = new HashMap<>();
            List<ProductLine> lines = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                String path = "productLines[" + i + "]";
                LineSpec spec = specs.get(i);
                if (spec == null) {
                    throw new PolicyFileException(file, 0, 0, path, "an empty entry is not a product line");
                }
                Located id = required(spec.id, spec.name, path);
                if (!PRODUCT_LINE_ID.matcher(id.value()).matches()) {
                    throw error(
                            id,
                            path + ".id",
                            "'" + id.value() + "' is not a valid product-line id: use lower-case"
                                    + " letters, digits, '_' and '-', at most 64 characters");
                }
                String earlier = seen.putIfAbsent(id.value(), path);
                if (earlier != null) {
                    throw error(id, path + ".id", "product line '" + id.value() + "' is already defined at " + earlier);
                }
                lines.add(new ProductLine(id.value(), text(spec.name)));
            }
            return lines;
        }

        private Period validity(FileSpec spec) throws PolicyFileException {
            Located text = spec.undertakingValidity;
            if (text == null) {
                return EntitlementPolicy.DEFAULT_UNDERTAKING_VALIDITY;
            }
            try {
                Period period = Period.parse(text.value());
                if (period.isNegative() || period.isZero()) {
                    throw error(text, "undertakingValidity", "must be longer than zero, was " + text.value());
                }
                return period;
            } catch (DateTimeParseException e) {
                throw error(
                        text,
                        "undertakingValidity",
                        "'" + text.value() + "' is not an ISO-8601 period such as P1Y, P6M or P365D");
            }
        }

        private ZoneId zone(FileSpec spec) throws PolicyFileException {
            Located text = spec.timeZone;
            if (text == null) {
                return ZoneOffset.UTC;
            }
            try {
                return ZoneId.of(text.value());
            } catch (DateTimeException e) {
                throw error(
                        text, "timeZone", "'" + text.value() + "' is not a time zone id such as UTC or Europe/Berlin");
            }
        }

        /** The entry's id; when it is missing, the error points at the entry's name if it has one. */
        private Located required(Located id, Located name, String path) throws PolicyFileException {
            if (id != null) {
                return id;
            }
            int line = name == null ? 0 : name.line();
            throw new PolicyFileException(file, line, 0, path + ".id", "is required");
        }

        private static String text(Located value) {
            return value == null ? null : value.value();
        }

        private PolicyFileException error(Located at, String field, String problem) {
            return new PolicyFileException(file, at.line(), at.column(), field, problem);
        }
    }

    private static PolicyFileException fromMapping(String file, JsonMappingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String path = path(e.getPath());
        if (e instanceof UnknownField unknown) {
            return new PolicyFileException(file, line, column, unknown.path, e.getOriginalMessage());
        }
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("No content to map")) {
            return new PolicyFileException(file, 0, 0, "", "the file is empty; it needs regions and productLines");
        }
        if (message != null && message.startsWith("expected ")) {
            return new PolicyFileException(file, line, column, path, message);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new PolicyFileException(
                    file, line, column, path, "expected " + describe(mismatch.getTargetType()) + found(message));
        }
        return new PolicyFileException(file, line, column, path, firstLine(e));
    }

    private static String describe(Class<?> type) {
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Located.class || type == String.class) {
            return "text";
        }
        return "a mapping";
    }

    /** What Jackson found instead, from its message (the parser is closed by the time the error arrives). */
    private static String found(String message) {
        if (message == null) {
            return "";
        }
        if (message.contains("from Object value")) {
            return ", found a mapping";
        }
        if (message.contains("from Array value")) {
            return ", found a list";
        }
        if (message.contains("from String value")
                || message.contains("from Integer value")
                || message.contains("from Floating-point value")
                || message.contains("from Boolean value")) {
            return ", found a single value";
        }
        return "";
    }

    /**
     * Reports an unknown field at the place it stands, as a path such as {@code regions[0].childs}, with the fields
     * that would be known there.
     */
    private static final class UnknownFields extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(
                DeserializationContext context,
                JsonParser parser,
                JsonDeserializer<?> deserializer,
                Object beanOrClass,
                String name)
                throws IOException {
            TreeSet<String> known = new TreeSet<>();
            deserializer.getKnownPropertyNames().forEach(k -> known.add(String.valueOf(k)));
            JsonStreamContext field = parser.getParsingContext();
            if (parser.currentToken() != null && parser.currentToken().isStructStart()) {
                field = field.getParent();
            }
            throw new UnknownField(
                    parser,
                    pointerToPath(field.pathAsPointer().toString()),
                    "unknown field '" + name + "'; known: " + known,
                    parser.currentTokenLocation());
        }
    }

    private static final class UnknownField extends JsonMappingException {
        private static final long serialVersionUID = 1L;
        private final String path;

        UnknownField(JsonParser parser, String path, String message, JsonLocation at) {
            super(parser, message, at);
            this.path = path;
        }
    }

    /** {@code /regions/0/childs} to {@code regions[0].childs}. */
    private static String pointerToPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                path.append('[').append(part).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The problem sentences of a parser message, on one line: YAML syntax errors come as several lines that repeat
     * the location and quote the source, which our own line and column replace.
     */
    private static String firstLine(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        List<String> sentences = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("^")) {
                sentences.add(line.strip());
            }
        }
        return sentences.isEmpty() ? message.strip() : String.join("; ", sentences);
    }
}
