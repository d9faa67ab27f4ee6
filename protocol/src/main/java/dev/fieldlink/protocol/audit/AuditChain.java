package dev.fieldlink.protocol.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hash chain of an audit stream. Relay and agent use this one implementation, so a chain written on a machine
 * verifies in the cloud. The canonical form is the event's JSON without {@code hash}, with properties and detail
 * keys in alphabetical order, no whitespace, and the time in ISO-8601 at millisecond precision.
 *
 * <p>This class is thread-safe.
 */
public final class AuditChain {
    /** The {@code prevHash} of the first event of every stream. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private AuditChain() {}

    /**
     * Places a draft after {@code previous} (null for the first event of the stream): sets stream, sequence, time
     * precision, {@code prevHash} and {@code hash}.
     */
    public static AuditEvent append(String stream, AuditEvent previous, AuditEvent draft) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(draft.time(), "time");
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String prevHash = previous == null ? GENESIS : previous.hash();
        AuditEvent unsealed = new AuditEvent(
                stream,
                sequence,
                draft.type(),
                draft.actor(),
                draft.subject(),
                draft.time().truncatedTo(ChronoUnit.MILLIS),
                draft.details(),
                prevHash,
                null);
        return withHash(unsealed, hashOf(unsealed));
    }

    /** The SHA-256 (lower-case hex) over the canonical form of {@code event}, ignoring its {@code hash}. */
    public static String hashOf(AuditEvent event) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical(event).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The canonical JSON of {@code event} without its {@code hash}. */
    public static String canonical(AuditEvent event) {
        try {
            return CANONICAL.writeValueAsString(withHash(event, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event cannot be serialised", e);
        }
    }

    /**
     * Checks a stream from its start, or from any point whose predecessor's hash is {@code expectedPrevHash}.
     *
     * @return the first broken link, or empty when the chain is intact
     */
    public static Optional<Break> verify(List<AuditEvent> events, String expectedPrevHash, long expectedFirstSequence) {
        String prev = expectedPrevHash;
        long sequence = expectedFirstSequence;
        for (AuditEvent event : events) {
            if (event.sequence() != sequence) {
                return Optional.of(new Break(
                        event.sequence(),
                        "expected sequence " + sequence + " but found " + event.sequence()
                                + " (an event is missing or duplicated)"));
            }
            if (!Objects.equals(event.prevHash(), prev)) {
                return Optional.of(new Break(event.sequence(), "prevHash does not match the previous event's hash"));
            }
            if (!Objects.equals(event.hash(), hashOf(event))) {
                return Optional.of(new Break(event.sequence(), "hash does not match the event's content (edited)"));
            }
            prev = event.hash();
            sequence++;
        }
        return Optional.empty();
    }

    /** Checks a whole stream from its first event. */
    public static Optional<Break> verify(List<AuditEvent> events) {
        return verify(events, GENESIS, 1);
    }

    private static AuditEvent withHash(AuditEvent e, String hash) {
        return new AuditEvent(
                e.stream(), e.sequence(), e.type(), e.actor(), e.subject(), e.time(), e.details(), e.prevHash(), hash);
    }

    /** Where and why a chain is broken. */
    public record Break(long sequence, String problem) {}
}
