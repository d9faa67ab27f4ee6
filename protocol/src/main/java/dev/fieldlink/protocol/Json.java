package dev.fieldlink.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON configuration every Fieldlink component uses for wire records: unknown fields are refused (a typo in
 * a client must not silently lose data; the control channel between relay and agents is the one exception, see
 * {@link #controlMapper()}), times are ISO-8601 strings, absent optional values are omitted, and
 * nesting and string lengths are bounded so a hostile peer cannot exhaust memory.
 *
 * <p>Mappers are thread-safe once built; build one per component and share it.
 */
public final class Json {
    /** Upper bound for any single string value in a wire message (photos travel as Base64 within this). */
    public static final int MAX_STRING_LENGTH = 1 << 20;

    /** Upper bound for object and array nesting in a wire message. */
    public static final int MAX_NESTING_DEPTH = 32;

    private Json() {}

    /** A new mapper with Fieldlink's wire settings. */
    public static ObjectMapper mapper() {
        return build(JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL));
    }

    /**
     * A new mapper for the control channel between relay and agents, which are updated at different times: as
     * {@link #mapper()}, except that a field it does not know is skipped and an enum value it does not know reads as
     * null, so a message from a newer peer still takes effect. Message types it does not know are still refused.
     */
    public static ObjectMapper controlMapper() {
        return build(JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL));
    }

    private static ObjectMapper build(JsonMapper.Builder builder) {
        JsonMapper mapper = builder.addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build());
        return mapper;
    }
}
