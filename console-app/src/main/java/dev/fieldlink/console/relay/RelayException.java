package dev.fieldlink.console.relay;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import java.util.Objects;
import java.util.Optional;

/**
 * Every failure of a relay call. Either the relay answered with a problem ({@link Failure#PROBLEM}: {@link #type()}
 * is the problem's stable type, the message its {@code detail}, {@link #retryAfterSeconds()} set for lockouts and
 * rate limits), or no usable answer arrived ({@link #failure()} says why; the type is then
 * {@link ProblemType#UNAVAILABLE}). The message is one English sentence for logs and the CLI and never contains a
 * secret; the GUI words each case from its own resource bundle.
 */
public final class RelayException extends FieldlinkException {
    private static final long serialVersionUID = 1L;

    /** Why a call failed. */
    public enum Failure {
        /** The relay answered with an error; see {@link #type()}. */
        PROBLEM,
        /** No connection: DNS, refused, no route. */
        UNREACHABLE,
        /** Connected, but no answer in time. */
        TIMEOUT,
        /** The relay's certificate is not the pinned one. */
        CERTIFICATE_MISMATCH,
        /** The trust store does not vouch for the relay's certificate, or it names another host. */
        CERTIFICATE_UNTRUSTED,
        /** The relay's SSH host key is not the one the ticket named. */
        HOST_KEY_MISMATCH,
        /** The relay's SSH endpoint refused the ticket or the screen channel. */
        SCREEN_REFUSED,
        /** The TLS handshake failed for another reason (protocol version, cipher suites). */
        TLS,
        /** The relay answered something that is not the API's answer (wrong type, too large, not JSON). */
        BAD_RESPONSE,
        /** The caller cancelled the call. */
        CANCELLED
    }

    private final Failure failure;
    private final int httpStatus;
    private final transient String certificateFingerprint;

    RelayException(ProblemType type, String detail, Long retryAfterSeconds, int httpStatus) {
        super(type, detail, retryAfterSeconds, null);
        this.failure = Failure.PROBLEM;
        this.httpStatus = httpStatus;
        this.certificateFingerprint = null;
    }

    RelayException(Failure failure, String detail, String certificateFingerprint, Throwable cause) {
        super(ProblemType.UNAVAILABLE, detail, null, cause);
        if (failure == Failure.PROBLEM) {
            throw new IllegalArgumentException("A problem needs its type");
        }
        this.failure = Objects.requireNonNull(failure, "failure");
        this.httpStatus = 0;
        this.certificateFingerprint = certificateFingerprint;
    }

    /** Why the call failed. */
    public Failure failure() {
        return failure;
    }

    /** True when the relay answered with a problem of this type. */
    public boolean is(ProblemType problemType) {
        return failure == Failure.PROBLEM && type() == problemType;
    }

    /** The HTTP status of the relay's answer, or 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * For {@link Failure#CERTIFICATE_MISMATCH} and {@link Failure#CERTIFICATE_UNTRUSTED}: the fingerprint of the
     * certificate the relay presented, to show to a person who may pin it after checking it.
     */
    public Optional<String> presentedCertificate() {
        return Optional.ofNullable(certificateFingerprint);
    }
}
