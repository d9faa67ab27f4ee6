package dev.fieldlink.protocol.problem;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;

/**
 * An RFC 9457 problem document, as every API error answers. {@code retryAfterSeconds} is set for lockouts and rate
 * limits.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(URI type, String title, int status, String detail, String instance, Long retryAfterSeconds) {
    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }

    public Problem withRetryAfter(long seconds) {
        return new Problem(type, title, status, detail, instance, seconds);
    }
}
