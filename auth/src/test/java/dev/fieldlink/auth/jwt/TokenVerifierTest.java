package dev.fieldlink.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.fieldlink.auth.AuthException;
import dev.fieldlink.auth.AuthException.Reason;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.protocol.ssh.SshNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {
    private final JwtFixture f = new JwtFixture();

    private AuthException refusedAccess(String token) {
        AuthException e = catchThrowableOfType(AuthException.class, () -> f.verifier.verifyAccessToken(token));
        assertThat(e).as("access token should be refused").isNotNull();
        assertThat(e.type()).isEqualTo(ProblemType.UNAUTHENTICATED);
        if (token != null && token.length() > 10) {
            for (String part : token.split("\\.")) {
                if (part.length() > 8) {
                    assertThat(e.getMessage()).doesNotContain(part);
                }
            }
        }
        return e;
    }

    private AuthException refusedTicket(String token) {
        AuthException e = catchThrowableOfType(AuthException.class, () -> f.verifier.verifyTicket(token));
        assertThat(e).as("ticket should be refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain(token);
        return e;
    }

    @Test
    void validAccessToken_isAccepted_withItsClaims() {
        IssuedToken issued = f.issuer.issueAccessToken("tech-1", Set.of(Role.TECHNICIAN, Role.TEAM_LEAD));
        AccessClaims claims = f.verifier.verifyAccessToken(issued.token());
        assertThat(claims.subject()).isEqualTo("tech-1");
        assertThat(claims.roles()).containsExactlyInAnyOrder(Role.TECHNICIAN, Role.TEAM_LEAD);
        assertThat(claims.jti()).isEqualTo(issued.jti());
        assertThat(claims.issuedAt()).isEqualTo(f.clock.instant());
        assertThat(claims.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(issued.expiresAt()).isEqualTo(claims.expiresAt());
    }

    @Test
    void validTicket_isAccepted_withItsBinding() {
        Instant end = f.clock.instant().plus(Duration.ofMinutes(45));
        IssuedToken issued = f.issuer.issueTicket("sess-7", "machine-3", "tech-1", end);
        TicketClaims claims = f.verifier.verifyTicket(issued.token());
        assertThat(claims).isEqualTo(new TicketClaims("sess-7", "machine-3", "tech-1", issued.jti(), end));
    }

    @Test
    void algNone_isRefused() throws Exception {
        JWTClaimsSet claims = f.accessClaims().build();
        PlainHeader header = new PlainHeader.Builder()
                .type(new JOSEObjectType(TokenIssuer.ACCESS_TYPE))
                .build();
        String unsigned = new PlainJWT(header, claims).serialize();
        assertThat(refusedAccess(unsigned).reason()).isEqualTo(Reason.ALGORITHM);

        // The same with a copied signature part and our kid does not help.
        String valid = f.issuer.issueAccessToken("tech-1", Set.of(Role.ADMIN)).token();
        String headerJson = "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + f.keys.currentKid() + "\"}";
        String forged =
                Base64URL.encode(headerJson).toString() + "." + valid.split("\\.")[1] + "." + valid.split("\\.")[2];
        assertThat(refusedAccess(forged).reason()).isEqualTo(Reason.ALGORITHM);
    }

    @Test
    void hs256SignedWithThePublicKeyAsHmacSecret_isRefused() throws Exception {
        ECKey publicKey = (ECKey) JWKSet.parse(f.keys.jwksJson()).getKeyByKeyId(f.keys.currentKid());
        byte[][] secrets = {
            f.keys.jwksJson().getBytes(StandardCharsets.UTF_8),
            publicKey.toJSONString().getBytes(StandardCharsets.UTF_8),
            publicKey.toECPublicKey().getEncoded()
        };
        for (byte[] secret : secrets) {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .keyID(f.keys.currentKid())
                    .type(new JOSEObjectType(TokenIssuer.ACCESS_TYPE))
                    .build();
            JWSObject jws =
                    new JWSObject(header, new Payload(f.accessClaims().build().toJSONObject()));
            jws.sign(new MACSigner(secret));
            assertThat(refusedAccess(jws.serialize()).reason()).isEqualTo(Reason.ALGORITHM);
        }
    }

    @Test
    void tamperedPayload_isRefused() {
        String token =
                f.issuer.issueAccessToken("tech-1", Set.of(Role.TECHNICIAN)).token();
        String[] parts = token.split("\\.");
        JWTClaimsSet elevated = f.accessClaims()
                .subject("tech-1")
                .claim("roles", List.of("ADMIN"))
                .build();
        String tampered = parts[0] + "." + Base64URL.encode(elevated.toString()) + "." + parts[2];
        assertThat(refusedAccess(tampered).reason()).isEqualTo(Reason.SIGNATURE);
    }

    @Test
    void tamperedSignature_isRefused() {
        String token =
                f.issuer.issueAccessToken("tech-1", Set.of(Role.TECHNICIAN)).token();
        String[] parts = token.split("\\.");
        byte[] signature = new Base64URL(parts[2]).decode();
        signature[5] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
        assertThat(refusedAccess(tampered).reason()).isEqualTo(Reason.SIGNATURE);
        // All-zero r and s (the "psychic signature" attack) is refused too.
        String zero = parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[64]);
        assertThat(refusedAccess(zero).reason()).isEqualTo(Reason.SIGNATURE);
    }

    @Test
    void expiredToken_isRefused_justAfterTheSkew_acceptedJustBefore() {
        String token =
                f.issuer.issueAccessToken("tech-1", Set.of(Role.TECHNICIAN)).token();
        f.clock.advance(Duration.ofMinutes(10).plusSeconds(29));
        assertThat(f.verifier.verifyAccessToken(token).subject()).isEqualTo("tech-1");
        f.clock.advance(Duration.ofSeconds(1));
        AuthException e = refusedAccess(token);
        assertThat(e.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(e.getMessage()).isEqualTo("The access token has expired");
    }

    @Test
    void expiredTicket_isRefused() {
        String ticket = f.issuer
                .issueTicket("s", "m", "t", f.clock.instant().plusSeconds(60))
                .token();
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(refusedTicket(ticket).reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void tokenNotYetValid_isRefused_beyondTheSkew_acceptedWithin() {
        Instant start = f.clock.instant();
        String future = f.signWithCurrentKey(
                f.accessClaims()
                        .notBeforeTime(Date.from(start.plusSeconds(120)))
                        .build(),
                TokenIssuer.ACCESS_TYPE);
        assertThat(refusedAccess(future).reason()).isEqualTo(Reason.NOT_YET_VALID);
        f.clock.advance(Duration.ofSeconds(91));
        assertThat(f.verifier.verifyAccessToken(future).subject()).isEqualTo("tech-1");
    }

    @Test
    void tokenIssuedInTheFuture_isRefused() {
        String token =
                f.issuer.issueAccessToken("tech-1", Set.of(Role.TECHNICIAN)).token();
        f.clock.advance(Duration.ofSeconds(-31));
        assertThat(refusedAccess(token).reason()).isEqualTo(Reason.NOT_YET_VALID);
        f.clock.advance(Duration.ofSeconds(2));
        assertThat(f.verifier.verifyAccessToken(token).subject()).isEqualTo("tech-1");
    }

    @Test
    void wrongAudience_isRefused() {
        String other =
                f.signWithCurrentKey(f.accessClaims().audience("other-api").build(), TokenIssuer.ACCESS_TYPE);
        assertThat(refusedAccess(other).reason()).isEqualTo(Reason.AUDIENCE);

        String several = f.signWithCurrentKey(
                f.accessClaims()
                        .audience(List.of(TokenIssuer.ACCESS_AUDIENCE, "other-api"))
                        .build(),
                TokenIssuer.ACCESS_TYPE);
        assertThat(refusedAccess(several).reason()).isEqualTo(Reason.AUDIENCE);

        String sshAudience = f.signWithCurrentKey(
                f.accessClaims().audience(SshNames.TICKET_AUDIENCE).build(), TokenIssuer.ACCESS_TYPE);
        assertThat(refusedAccess(sshAudience).reason()).isEqualTo(Reason.AUDIENCE);
    }

    @Test
    void wrongIssuer_isRefused() {
        String token = f.signWithCurrentKey(
                f.accessClaims().issuer("https://relay.example.com.evil").build(), TokenIssuer.ACCESS_TYPE);
        assertThat(refusedAccess(token).reason()).isEqualTo(Reason.ISSUER);
    }

    @Test
    void ticketUsedAsAccessToken_isRefused() {
        String ticket = f.issuer
                .issueTicket("s", "m", "tech-1", f.clock.instant().plusSeconds(600))
                .token();
        AuthException e = refusedAccess(ticket);
        assertThat(e.reason()).isEqualTo(Reason.TYPE);
        assertThat(e.getMessage()).isEqualTo("The token is not an access token");
    }

    @Test
    void accessTokenUsedAsTicket_isRefused() {
        String access =
                f.issuer.issueAccessToken("tech-1", Set.of(Role.TECHNICIAN)).token();
        assertThat(refusedTicket(access).reason()).isEqualTo(Reason.TYPE);
    }

    @Test
    void tokenWithoutType_isRefused() {
        String untyped = f.signWithCurrentKey(f.accessClaims().build(), null);
        assertThat(refusedAccess(untyped).reason()).isEqualTo(Reason.TYPE);
    }

    @Test
    void unknownKid_isRefused() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
        String token = JwtFixture.sign(
                f.accessClaims().build(), TokenIssuer.ACCESS_TYPE, "stranger", new ECDSASigner(stranger));
        assertThat(refusedAccess(token).reason()).isEqualTo(Reason.UNKNOWN_KEY);

        String noKid =
                JwtFixture.sign(f.accessClaims().build(), TokenIssuer.ACCESS_TYPE, null, new ECDSASigner(stranger));
        assertThat(refusedAccess(noKid).reason()).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void foreignKeyClaimingOurKid_withEmbeddedJwk_isRefused() throws Exception {
        ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(f.keys.currentKid())
                .jwk(attacker.toPublicJWK())
                .type(new JOSEObjectType(TokenIssuer.ACCESS_TYPE))
                .build();
        JWSObject jws =
                new JWSObject(header, new Payload(f.accessClaims().build().toJSONObject()));
        jws.sign(new ECDSASigner(attacker));
        assertThat(refusedAccess(jws.serialize()).reason()).isEqualTo(Reason.SIGNATURE);
    }

    @Test
    void revokedJti_isRefused_untilItsTokenWouldHaveExpiredAnyway() {
        IssuedToken issued = f.issuer.issueAccessToken("tech-1", Set.of(Role.TECHNICIAN));
        IssuedToken other = f.issuer.issueAccessToken("tech-1", Set.of(Role.TECHNICIAN));
        f.revoked.revoke(issued.jti(), issued.expiresAt());

        assertThat(refusedAccess(issued.token()).reason()).isEqualTo(Reason.REVOKED);
        assertThat(f.verifier.verifyAccessToken(other.token()).jti()).isEqualTo(other.jti());

        f.clock.advance(Duration.ofMinutes(10).plus(RevokedTokens.RETAIN_AFTER_EXPIRY));
        assertThat(f.revoked.isRevoked(issued.jti())).isFalse();
        assertThat(refusedAccess(issued.token()).reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void revokedTicket_isRefused() {
        IssuedToken ticket =
                f.issuer.issueTicket("s", "m", "t", f.clock.instant().plusSeconds(600));
        f.revoked.revoke(ticket.jti(), ticket.expiresAt());
        assertThat(refusedTicket(ticket.token()).reason()).isEqualTo(Reason.REVOKED);
    }

    @Test
    void tokenSignedByPreviousKey_isAccepted_byThirdOldestKey_isRefused() {
        String byFirst =
                f.issuer.issueAccessToken("tech-1", Set.of(Role.TECHNICIAN)).token();
        f.keys.rotate();
        String bySecond =
                f.issuer.issueAccessToken("tech-1", Set.of(Role.TECHNICIAN)).token();
        assertThat(f.verifier.verifyAccessToken(byFirst).subject()).isEqualTo("tech-1");

        f.keys.rotate();
        assertThat(refusedAccess(byFirst).reason()).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(f.verifier.verifyAccessToken(bySecond).subject()).isEqualTo("tech-1");
    }

    @Test
    void missingRequiredClaims_areRefused() {
        JWTClaimsSet noJti =
                new JWTClaimsSet.Builder(f.accessClaims().build()).jwtID(null).build();
        JWTClaimsSet noRoles = new JWTClaimsSet.Builder(f.accessClaims().build())
                .claim("roles", null)
                .build();
        JWTClaimsSet noExp = new JWTClaimsSet.Builder(f.accessClaims().build())
                .expirationTime(null)
                .build();
        JWTClaimsSet noSub =
                new JWTClaimsSet.Builder(f.accessClaims().build()).subject(null).build();
        JWTClaimsSet noAud = new JWTClaimsSet.Builder(f.accessClaims().build())
                .audience((String) null)
                .build();
        for (JWTClaimsSet claims : List.of(noJti, noRoles, noExp, noSub, noAud)) {
            AuthException e = refusedAccess(f.signWithCurrentKey(claims, TokenIssuer.ACCESS_TYPE));
            assertThat(e.reason()).as(claims.toString()).isEqualTo(Reason.MISSING_CLAIM);
            assertThat(e.getMessage()).contains("lacks the required claim");
        }
    }

    @Test
    void ticketWithoutSessionBinding_isRefused() {
        Date now = Date.from(f.clock.instant());
        JWTClaimsSet noSid = new JWTClaimsSet.Builder()
                .issuer(JwtFixture.ISSUER)
                .subject("tech-1")
                .audience(SshNames.TICKET_AUDIENCE)
                .issueTime(now)
                .notBeforeTime(now)
                .expirationTime(Date.from(f.clock.instant().plusSeconds(600)))
                .jwtID("j")
                .claim("mid", "machine-3")
                .build();
        AuthException e = refusedTicket(f.signWithCurrentKey(noSid, TokenIssuer.TICKET_TYPE));
        assertThat(e.reason()).isEqualTo(Reason.MISSING_CLAIM);
        assertThat(e.getMessage()).contains("'sid'");
    }

    @Test
    void unknownRoleOrWronglyTypedClaim_isMalformed() {
        String unknownRole = f.signWithCurrentKey(
                f.accessClaims().claim("roles", List.of("ROOT")).build(), TokenIssuer.ACCESS_TYPE);
        assertThat(refusedAccess(unknownRole).reason()).isEqualTo(Reason.MALFORMED);
        String rolesNotList =
                f.signWithCurrentKey(f.accessClaims().claim("roles", 7).build(), TokenIssuer.ACCESS_TYPE);
        assertThat(refusedAccess(rolesNotList).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void garbage_isMalformed_encrypted_isRefusedAsAlgorithm() {
        assertThat(refusedAccess(null).reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refusedAccess("").reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refusedAccess("not-a-token").reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refusedAccess("a.b.c").reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refusedAccess("eyJhbGciOiJFUzI1NiJ9.%%%.abc").reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refusedAccess("a.b.c.d.e").reason()).isEqualTo(Reason.ALGORITHM);
        AuthException tooLong = refusedAccess("x".repeat(TokenVerifier.MAX_TOKEN_LENGTH + 1));
        assertThat(tooLong.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(tooLong.getMessage()).isEqualTo("The access token is too long");
    }

    @Test
    void skewBeyondFiveMinutes_isRefusedAtConstruction() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new TokenVerifier(f.keys, JwtFixture.ISSUER, f.clock, Duration.ofMinutes(6), f.revoked))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
