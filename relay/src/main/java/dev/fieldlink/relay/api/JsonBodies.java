package dev.fieldlink.relay.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies with a size limit and turns every way a body can be wrong into a 4xx problem whose detail
 * names the field: malformed JSON, unknown fields, wrong types, missing body, wrong content type, too large.
 * Thread-safe.
 */
final class JsonBodies {
    private final ObjectMapper mapper;
    private final long maxBytes;

    JsonBodies(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /** The body as {@code type}; {@code required=false} gives null for an empty body. */
    <T> T read(Context ctx, Class<T> type, boolean required) {
        byte[] body = bytes(ctx);
        if (body.length == 0 || isWhitespace(body)) {
            if (required) {
                throw new FieldlinkException(ProblemType.BAD_REQUEST, "the request body is missing");
            }
            return null;
        }
        String contentType = ctx.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new FieldlinkException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "the body must be application/json, not " + (contentType == null ? "unlabelled" : contentType));
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw new FieldlinkException(ProblemType.BAD_REQUEST, "the body must be a JSON object, not null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new FieldlinkException(ProblemType.BAD_REQUEST, describe(e));
        } catch (IOException e) {
            throw new FieldlinkException(ProblemType.BAD_REQUEST, "the request body cannot be read");
        }
    }

    private byte[] bytes(Context ctx) {
        String length = ctx.header("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new FieldlinkException(ProblemType.BAD_REQUEST, "Content-Length is not a number");
            }
        }
        try (InputStream in = ctx.bodyInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
                if (out.size() > maxBytes) {
                    throw tooLarge();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FieldlinkException(ProblemType.BAD_REQUEST, "the request body cannot be read");
        }
    }

    private FieldlinkException tooLarge() {
        return new FieldlinkException(
                ProblemType.PAYLOAD_TOO_LARGE, "the request body is larger than " + maxBytes + " bytes");
    }

    private static boolean isWhitespace(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'" + at(u) + "; known fields: "
                    + u.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException f) {
            return "field '" + path(f) + "' has an invalid value: expected " + simple(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            String p = path(m);
            String original = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
            if (!p.isEmpty() && original.startsWith("Cannot map `null`")) {
                return "field '" + p + "' is required";
            }
            return p.isEmpty()
                    ? "the body has the wrong shape: expected a JSON object"
                    : "field '" + p + "' has the wrong type: expected " + simple(m.getTargetType());
        }
        if (e instanceof StreamConstraintsException) {
            return "the body nests too deeply or holds a value that is too long";
        }
        if (e instanceof JsonParseException p) {
            return "malformed JSON at line " + p.getLocation().getLineNr() + ", column "
                    + p.getLocation().getColumnNr();
        }
        if (e instanceof DatabindException d) {
            String p = d instanceof JsonMappingException jm ? path(jm) : "";
            return p.isEmpty() ? "the body cannot be read as the expected object" : "field '" + p + "' is invalid";
        }
        return "the body is not valid JSON";
    }

    private static String at(JsonMappingException e) {
        String p = path(e);
        int dot = p.lastIndexOf('.');
        return dot < 0 ? "" : " in '" + p.substring(0, dot) + "'";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String simple(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            StringBuilder sb = new StringBuilder("one of ");
            Object[] values = type.getEnumConstants();
            for (int i = 0; i < values.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(values[i]);
            }
            return sb.toString();
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        return "an object";
    }
}
