package dev.fieldlink.protocol.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The stable problem types of the API (RFC 9457). Clients branch on {@link #uri()}; the title is for people. The
 * CLI exit code follows from the status: usage problems exit 2, everything else 1.
 */
public enum ProblemType {
    BAD_REQUEST("bad-request", 400, "The request is malformed"),
    VALIDATION("validation", 422, "A field has an invalid value"),
    UNAUTHENTICATED("unauthenticated", 401, "Sign-in required"),
    INVALID_CREDENTIALS("invalid-credentials", 401, "Username, password or code is wrong"),
    ACCOUNT_LOCKED("account-locked", 429, "Too many failed sign-ins; try again later"),
    UNDERTAKING_EXPIRED("undertaking-expired", 403, "The security and privacy undertaking must be renewed"),
    ACCOUNT_DISABLED("account-disabled", 403, "The account is disabled"),
    FORBIDDEN("forbidden", 403, "Not allowed"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    MACHINE_BUSY("machine-busy", 409, "The machine already has a session"),
    MACHINE_OFFLINE("machine-offline", 409, "The machine is not connected"),
    REMOTE_SERVICE_OFF("remote-service-off", 409, "The customer has switched remote service off"),
    INVALID_STATE("invalid-state", 409, "The session is not in a state that allows this"),
    ENROLMENT_CODE_INVALID("enrolment-code-invalid", 400, "The enrolment code is unknown, used or expired"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported content type"),
    RANGE_NOT_SATISFIABLE("range-not-satisfiable", 416, "The requested range is outside the file"),
    RATE_LIMITED("rate-limited", 429, "Too many requests; try again later"),
    INTERNAL("internal", 500, "Internal error"),
    UNAVAILABLE("unavailable", 503, "Temporarily unavailable");

    /** Base of every problem type URI. */
    public static final String BASE = "https://fieldlink.dev/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The last path segment of the type URI, e.g. {@code machine-busy}. */
    public String slug() {
        return slug;
    }

    /** The HTTP status this problem answers with. */
    public int status() {
        return status;
    }

    /** A short English summary; {@code detail} says what exactly was wrong. */
    public String title() {
        return title;
    }

    /** The stable type URI, e.g. {@code https://fieldlink.dev/problems/machine-busy}. */
    public URI uri() {
        return URI.create(BASE + slug);
    }

    /** The type a URI names, if it is one of ours. */
    public static Optional<ProblemType> fromUri(URI uri) {
        if (uri == null) {
            return Optional.empty();
        }
        String text = uri.toString();
        return Arrays.stream(values()).filter(t -> text.equals(BASE + t.slug)).findFirst();
    }
}
