package dev.fieldlink.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.ssh.SshNames;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

/**
 * Signs access tokens and session tickets with the current key of {@link SigningKeys}.
 *
 * <p>Access token: header {@code typ} {@value #ACCESS_TYPE} (RFC 9068); claims {@code iss}, {@code sub}, {@code
 * aud} {@value #ACCESS_AUDIENCE}, {@code exp}, {@code nbf}, {@code iat}, {@code jti}, {@code roles} (array of role
 * names). Session ticket: {@code typ} {@value #TICKET_TYPE}; {@code aud} {@link SshNames#TICKET_AUDIENCE}, {@code
 * sub} = technician id, {@code sid}, {@code mid}, plus the same time claims and {@code jti}. The distinct {@code
 * typ} and audience keep one kind from being accepted as the other.
 *
 * <p>Thread-safe.
 */
public final class TokenIssuer {
    /** Audience of access tokens. */
    public static final String ACCESS_AUDIENCE = "fieldlink-api";

    /** {@code typ} header of access tokens. */
    public static final String ACCESS_TYPE = "at+jwt";

    /** {@code typ} header of session tickets. */
    public static final String TICKET_TYPE = "fieldlink-ticket+jwt";

    /** Default lifetime of access tokens. */
    public static final Duration DEFAULT_ACCESS_TTL = Duration.ofMinutes(10);

    static final String ROLES = "roles";
    static final String SESSION_ID = "sid";
    static final String MACHINE_ID = "mid";

    private final SigningKeys keys;
    private final String issuer;
    private final Clock clock;
    private final Duration accessTtl;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param issuer the {@code iss} value, e.g. the relay's public base URL
     * @param accessTtl lifetime of access tokens (10 minutes in production), at least one second
     */
    public TokenIssuer(SigningKeys keys, String issuer, Clock clock, Duration accessTtl) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = requireText(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (accessTtl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("The access token lifetime must be at least one second");
        }
        this.accessTtl = accessTtl;
    }

    /** An access token for {@code subject} with {@code roles}, valid from now for the configured lifetime. */
    public IssuedToken issueAccessToken(String subject, Set<Role> roles) {
        requireText(subject, "subject");
        Objects.requireNonNull(roles, "roles");
        Instant now = now();
        Instant expiresAt = now.plus(accessTtl);
        JWTClaimsSet.Builder claims = common(subject, ACCESS_AUDIENCE, now, expiresAt)
                .claim(ROLES, roles.stream().map(Role::name).sorted().toList());
        return sign(claims.build(), ACCESS_TYPE, expiresAt);
    }

    /**
     * A ticket that lets {@code technicianId} open the screen channel of session {@code sessionId} on machine
     * {@code machineId} until {@code expiresAt} (the session's end; truncated to whole seconds).
     *
     * @throws IllegalArgumentException if {@code expiresAt} is not after now
     */
    public IssuedToken issueTicket(String sessionId, String machineId, String technicianId, Instant expiresAt) {
        requireText(sessionId, "sessionId");
        requireText(machineId, "machineId");
        requireText(technicianId, "technicianId");
        Instant now = now();
        Instant exp = expiresAt.truncatedTo(ChronoUnit.SECONDS);
        if (!exp.isAfter(now)) {
            throw new IllegalArgumentException("A ticket must expire after now; the session has already ended");
        }
        JWTClaimsSet.Builder claims = common(technicianId, SshNames.TICKET_AUDIENCE, now, exp)
                .claim(SESSION_ID, sessionId)
                .claim(MACHINE_ID, machineId);
        return sign(claims.build(), TICKET_TYPE, exp);
    }

    private JWTClaimsSet.Builder common(String subject, String audience, Instant now, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(newJti());
    }

    private IssuedToken sign(JWTClaimsSet claims, String type, Instant expiresAt) {
        SigningKeys.Entry key = keys.current();
        JWSHeader header = new JWSHeader.Builder(SigningKeys.ALGORITHM)
                .keyID(key.kid())
                .type(new JOSEObjectType(type))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token with key " + key.kid(), e);
        }
        return new IssuedToken(jwt.serialize(), claims.getJWTID(), expiresAt);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private String newJti() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
