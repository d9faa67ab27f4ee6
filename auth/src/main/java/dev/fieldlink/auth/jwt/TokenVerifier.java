package dev.fieldlink.auth.jwt;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fieldlink.auth.AuthException;
import dev.fieldlink.auth.AuthException.Reason;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.ssh.SshNames;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies access tokens and session tickets that {@link TokenIssuer} made, and nothing else.
 *
 * <p>In order: size bound; compact JWS with exactly three parts; algorithm on the allow-list (ES256 only; {@code
 * none}, HMAC and everything else are refused before any key is touched); key chosen by {@code kid} from the local
 * {@link SigningKeys} only (embedded {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} headers are never used);
 * signature; {@code typ}; required claims; exact {@code iss}; {@code aud} exactly the one expected audience; {@code
 * exp}, {@code nbf} and {@code iat} within the allowed skew; {@code jti} not revoked.
 *
 * <p>Every failure throws {@link AuthException} with a {@link Reason}; messages never contain the token. Thread-safe.
 */
public final class TokenVerifier {
    /** Default allowed clock skew between relay nodes and this one. */
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(30);

    /** Tokens longer than this are refused unparsed (ours are well under 1 KiB). */
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private static final Set<Algorithm> ALLOWED_ALGORITHMS = Set.of(SigningKeys.ALGORITHM);

    private final SigningKeys keys;
    private final String issuer;
    private final Clock clock;
    private final Duration skew;
    private final RevokedTokens revoked;

    /**
     * @param issuer the exact {@code iss} to accept
     * @param skew allowed clock difference, 0 to {@link RevokedTokens#RETAIN_AFTER_EXPIRY}
     */
    public TokenVerifier(SigningKeys keys, String issuer, Clock clock, Duration skew, RevokedTokens revoked) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.revoked = Objects.requireNonNull(revoked, "revoked");
        if (skew.isNegative() || skew.compareTo(RevokedTokens.RETAIN_AFTER_EXPIRY) > 0) {
            throw new IllegalArgumentException(
                    "The clock skew must be between 0 and " + RevokedTokens.RETAIN_AFTER_EXPIRY);
        }
        this.skew = skew;
    }

    /**
     * The claims of a valid access token.
     *
     * @throws AuthException if the token is not a valid, unrevoked access token of this issuer
     */
    public AccessClaims verifyAccessToken(String token) {
        JWTClaimsSet claims = verify(token, TokenIssuer.ACCESS_TYPE, TokenIssuer.ACCESS_AUDIENCE, "access token");
        List<String> roleNames = stringList(claims, TokenIssuer.ROLES, "access token");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new AuthException(Reason.MALFORMED, "The access token names an unknown role");
            }
        }
        return new AccessClaims(
                claims.getSubject(),
                roles,
                claims.getJWTID(),
                claims.getIssueTime().toInstant(),
                claims.getExpirationTime().toInstant());
    }

    /**
     * The claims of a valid session ticket.
     *
     * @throws AuthException if the token is not a valid, unrevoked session ticket of this issuer
     */
    public TicketClaims verifyTicket(String token) {
        JWTClaimsSet claims = verify(token, TokenIssuer.TICKET_TYPE, SshNames.TICKET_AUDIENCE, "session ticket");
        String sessionId = string(claims, TokenIssuer.SESSION_ID, "session ticket");
        String machineId = string(claims, TokenIssuer.MACHINE_ID, "session ticket");
        return new TicketClaims(
                sessionId,
                machineId,
                claims.getSubject(),
                claims.getJWTID(),
                claims.getExpirationTime().toInstant());
    }

    private JWTClaimsSet verify(String token, String type, String audience, String what) {
        if (token == null || token.isEmpty()) {
            throw new AuthException(Reason.MALFORMED, "The " + what + " is missing");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new AuthException(Reason.MALFORMED, "The " + what + " is too long");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length == 5) {
            throw new AuthException(Reason.ALGORITHM, "Encrypted tokens are not accepted");
        }
        if (parts.length != 3 || !isBase64Url(parts[0]) || !isBase64Url(parts[1]) || !isBase64Url(parts[2])) {
            throw new AuthException(Reason.MALFORMED, "The " + what + " is not a signed JWT");
        }
        Header header;
        try {
            header = Header.parse(new Base64URL(parts[0]));
        } catch (ParseException | RuntimeException e) {
            throw new AuthException(Reason.MALFORMED, "The " + what + " has an unreadable header");
        }
        if (!ALLOWED_ALGORITHMS.contains(header.getAlgorithm())) {
            throw new AuthException(Reason.ALGORITHM, "The " + what + " uses an algorithm that is not accepted");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new AuthException(Reason.MALFORMED, "The " + what + " is not a well-formed signed JWT");
        }
        String kid = jwt.getHeader().getKeyID();
        SigningKeys.Entry key = kid == null ? null : keys.byKid(kid).orElse(null);
        if (key == null) {
            throw new AuthException(
                    Reason.UNKNOWN_KEY,
                    "The " + what + " was signed with a key this service does"
                            + " not hold (it may have been rotated out)");
        }
        boolean valid;
        try {
            valid = jwt.verify(key.verifier());
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new AuthException(Reason.SIGNATURE, "The " + what + " has an invalid signature");
        }
        JOSEObjectType actualType = jwt.getHeader().getType();
        if (actualType == null || !type.equals(actualType.getType())) {
            throw new AuthException(Reason.TYPE, "The token is not " + (what.startsWith("a") ? "an " : "a ") + what);
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AuthException(Reason.MALFORMED, "The " + what + " has unreadable claims");
        }
        checkClaims(claims, audience, what);
        return claims;
    }

    private void checkClaims(JWTClaimsSet claims, String audience, String what) {
        String iss = string(claims, "iss", what);
        string(claims, "sub", what);
        string(claims, "jti", what);
        List<String> aud = claims.getAudience();
        if (aud == null || aud.isEmpty()) {
            throw missing("aud", what);
        }
        Instant exp = time(claims.getExpirationTime(), "exp", what);
        Instant nbf = time(claims.getNotBeforeTime(), "nbf", what);
        Instant iat = time(claims.getIssueTime(), "iat", what);

        if (!issuer.equals(iss)) {
            throw new AuthException(Reason.ISSUER, "The " + what + " was issued by another service");
        }
        if (aud.size() != 1 || !audience.equals(aud.get(0))) {
            throw new AuthException(Reason.AUDIENCE, "The " + what + " is meant for another audience");
        }
        Instant now = clock.instant();
        if (!now.isBefore(exp.plus(skew))) {
            throw new AuthException(Reason.EXPIRED, "The " + what + " has expired");
        }
        if (now.plus(skew).isBefore(nbf) || now.plus(skew).isBefore(iat)) {
            throw new AuthException(Reason.NOT_YET_VALID, "The " + what + " is not valid yet");
        }
        if (revoked.isRevoked(claims.getJWTID())) {
            throw new AuthException(Reason.REVOKED, "The " + what + " was revoked");
        }
    }

    private static boolean isBase64Url(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static String string(JWTClaimsSet claims, String name, String what) {
        String value;
        try {
            value = claims.getStringClaim(name);
        } catch (ParseException e) {
            throw new AuthException(Reason.MALFORMED, "The " + what + " claim '" + name + "' is not a string");
        }
        if (value == null || value.isBlank()) {
            throw missing(name, what);
        }
        return value;
    }

    private static List<String> stringList(JWTClaimsSet claims, String name, String what) {
        if (claims.getClaim(name) == null) {
            throw missing(name, what);
        }
        try {
            List<String> values = claims.getStringListClaim(name);
            if (values.stream().anyMatch(Objects::isNull)) {
                throw new ParseException("null element", 0);
            }
            return values;
        } catch (ParseException e) {
            throw new AuthException(Reason.MALFORMED, "The " + what + " claim '" + name + "' is not a list of strings");
        }
    }

    private static Instant time(Date date, String name, String what) {
        if (date == null) {
            throw missing(name, what);
        }
        return date.toInstant();
    }

    private static AuthException missing(String name, String what) {
        return new AuthException(Reason.MISSING_CLAIM, "The " + what + " lacks the required claim '" + name + "'");
    }
}
