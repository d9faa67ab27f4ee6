package dev.fieldlink.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fieldlink.testing.MutableClock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

/** Keys, issuer and verifier on a fake clock, plus a way to sign arbitrary claims with the real key. */
final class JwtFixture {
    static final String ISSUER = "https://relay.example.com";

    final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    final InMemoryKeyStorage storage = new InMemoryKeyStorage();
    final SigningKeys keys = SigningKeys.loadOrCreate(storage, clock);
    final TokenIssuer issuer = new TokenIssuer(keys, ISSUER, clock, Duration.ofMinutes(10));
    final RevokedTokens revoked = new RevokedTokens(clock);
    final TokenVerifier verifier = new TokenVerifier(keys, ISSUER, clock, Duration.ofSeconds(30), revoked);

    /** Claims of a valid access token, to be varied by a test. */
    JWTClaimsSet.Builder accessClaims() {
        Date now = Date.from(clock.instant());
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("tech-1")
                .audience(TokenIssuer.ACCESS_AUDIENCE)
                .issueTime(now)
                .notBeforeTime(now)
                .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(10))))
                .jwtID("jti-" + System.nanoTime())
                .claim("roles", List.of("TECHNICIAN"));
    }

    /** Signs with the service's own current key, as only the issuer could. */
    String signWithCurrentKey(JWTClaimsSet claims, String type) {
        SigningKeys.Entry key = keys.current();
        return sign(claims, type, key.kid(), key.signer());
    }

    static String sign(JWTClaimsSet claims, String type, String kid, JWSSigner signer) {
        JWSHeader.Builder header = new JWSHeader.Builder(SigningKeys.ALGORITHM).keyID(kid);
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
