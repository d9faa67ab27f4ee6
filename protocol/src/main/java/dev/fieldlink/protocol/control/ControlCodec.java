package dev.fieldlink.protocol.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Encodes and decodes control-channel lines. Decoding never throws anything but {@link MalformedMessageException},
 * whose message names what was wrong, so a connection handler can answer with an error and go on. Relay and agents
 * are updated at different times, so decoding skips fields it does not know and reads enum values it does not know
 * as null (for a null {@code cause} of {@code session.ended} an agent takes ADMIN, the relay OPERATOR); an unknown
 * message type is malformed.
 *
 * <p>This class is thread-safe.
 */
public final class ControlCodec {
    private final ObjectMapper mapper;

    /** A codec on {@link Json#controlMapper()}: fields and enum values of newer peers are tolerated. */
    public ControlCodec() {
        this(Json.controlMapper());
    }

    public ControlCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One line of UTF-8 JSON ending in {@code \n}. */
    public byte[] encode(ControlMessage message) {
        try {
            byte[] json = mapper.writerFor(ControlMessage.class).writeValueAsBytes(message);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("control message cannot be serialised: " + message.getClass(), e);
        }
    }

    /** Parses one line (without its newline). */
    public ControlMessage decode(String line) throws MalformedMessageException {
        if (line.isBlank()) {
            throw new MalformedMessageException("empty line");
        }
        try {
            ControlMessage message = mapper.readValue(line, ControlMessage.class);
            if (message == null) {
                throw new MalformedMessageException("null is not a message");
            }
            return message;
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException(describe(e));
        }
    }

    /**
     * Reads the next line of at most {@link ControlMessage#MAX_LINE_BYTES} from {@code in}: what the relay reads
     * from an agent. See {@link #readLine(InputStream, int)}.
     */
    public static Optional<String> readLine(InputStream in) throws IOException, MalformedMessageException {
        return readLine(in, ControlMessage.MAX_LINE_BYTES);
    }

    /**
     * Reads the next line of at most {@code maxBytes} (newline included) from {@code in}. A longer line is consumed
     * up to its newline and reported; the stream stays usable, and no more than {@code maxBytes} are held.
     *
     * @return the line without its newline, or empty at the end of the stream
     */
    public static Optional<String> readLine(InputStream in, int maxBytes)
            throws IOException, MalformedMessageException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                if (tooLong) {
                    throw new MalformedMessageException("line longer than " + maxBytes + " bytes was dropped");
                }
                return Optional.of(line.toString(StandardCharsets.UTF_8));
            }
            if (line.size() >= maxBytes - 1) {
                tooLong = true;
                line.reset();
            }
            line.write(b);
        }
        return Optional.empty();
    }

    /** The parser's first line, prefixed with the field it concerns, such as {@code field nonce: ...}. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference r : mapping.getPath()) {
                if (r.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    field.append('[').append(r.getIndex()).append(']');
                }
            }
            if (field.length() > 0) {
                return "field " + field + ": " + first;
            }
        }
        return first;
    }

    /** A line that is not a valid control message. */
    public static final class MalformedMessageException extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedMessageException(String message) {
            super(message);
        }
    }
}
