package dev.fieldlink.auth;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import java.util.Objects;

/**
 * A credential (token, ticket, refresh token) was refused. The {@link Reason} is for logs, audit and tests; the
 * message is safe to show and never contains the credential itself. Maps to {@link ProblemType#UNAUTHENTICATED}.
 */
public class AuthException extends FieldlinkException {
    private static final long serialVersionUID = 1L;

    /** Why a credential was refused. */
    public enum Reason {
        /** Not a well-formed token, or a claim has the wrong type. */
        MALFORMED,
        /** The algorithm is not on the allow-list (including {@code none} and HMAC). */
        ALGORITHM,
        /** The signature does not verify. */
        SIGNATURE,
        /** The token names no key, or a key this service does not hold (never fetched from elsewhere). */
        UNKNOWN_KEY,
        /** {@code exp} has passed (beyond the allowed skew). */
        EXPIRED,
        /** {@code nbf} or {@code iat} lies in the future (beyond the allowed skew). */
        NOT_YET_VALID,
        /** {@code aud} is not exactly the expected audience. */
        AUDIENCE,
        /** {@code iss} is not exactly this service. */
        ISSUER,
        /** The {@code typ} header is not the expected one, e.g. a ticket presented as an access token. */
        TYPE,
        /** The token's {@code jti} was revoked (logout). */
        REVOKED,
        /** A required claim is absent. */
        MISSING_CLAIM,
        /** The refresh token is not known (never issued, or deleted). */
        REFRESH_UNKNOWN,
        /** The refresh token has expired. */
        REFRESH_EXPIRED,
        /** The refresh token was revoked (logout or account-wide revocation). */
        REFRESH_REVOKED,
        /** An already rotated refresh token was presented again; its whole family is now revoked. */
        REFRESH_REUSED
    }

    private final Reason reason;

    public AuthException(Reason reason, String detail) {
        super(ProblemType.UNAUTHENTICATED, detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
