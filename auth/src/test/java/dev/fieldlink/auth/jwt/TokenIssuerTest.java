package dev.fieldlink.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.ssh.SshNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {
    private final JwtFixture f = new JwtFixture();

    @Test
    void accessToken_carriesTheRegisteredClaimsAndRoles() throws Exception {
        IssuedToken issued = f.issuer.issueAccessToken("tech-1", Set.of(Role.TEAM_LEAD, Role.TECHNICIAN));
        SignedJWT jwt = SignedJWT.parse(issued.token());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(f.keys.currentKid());
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(JwtFixture.ISSUER);
        assertThat(claims.getSubject()).isEqualTo("tech-1");
        assertThat(claims.getAudience()).containsExactly("fieldlink-api");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(f.clock.instant());
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(f.clock.instant());
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(f.clock.instant().plusSeconds(600));
        assertThat(claims.getJWTID()).isEqualTo(issued.jti()).hasSize(22);
        assertThat(claims.getStringListClaim("roles")).containsExactly("TEAM_LEAD", "TECHNICIAN");
    }

    @Test
    void ticket_isBoundToSessionMachineAndTechnician_withItsOwnTypeAndAudience() throws Exception {
        Instant end = f.clock.instant().plus(Duration.ofMinutes(30)).plusMillis(700);
        IssuedToken issued = f.issuer.issueTicket("sess-1", "press-9", "tech-1", end);
        SignedJWT jwt = SignedJWT.parse(issued.token());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("fieldlink-ticket+jwt");
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(SshNames.TICKET_AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo("tech-1");
        assertThat(claims.getStringClaim("sid")).isEqualTo("sess-1");
        assertThat(claims.getStringClaim("mid")).isEqualTo("press-9");
        assertThat(issued.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void ticketForAnEndedSession_isRefused() {
        assertThatThrownBy(() -> f.issuer.issueTicket("s", "m", "t", f.clock.instant()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expire after now");
    }

    @Test
    void blankSubject_isRefused() {
        assertThatThrownBy(() -> f.issuer.issueAccessToken(" ", Set.of())).hasMessageContaining("subject");
    }

    @Test
    void everyTokenGetsItsOwnJti() {
        IssuedToken a = f.issuer.issueAccessToken("u", Set.of());
        IssuedToken b = f.issuer.issueAccessToken("u", Set.of());
        assertThat(a.jti()).isNotEqualTo(b.jti());
        assertThat(a.token()).isNotEqualTo(b.token());
    }

    @Test
    void issuedToken_toString_hidesTheToken() {
        IssuedToken issued = f.issuer.issueAccessToken("tech-1", Set.of(Role.TECHNICIAN));
        assertThat(issued.toString())
                .doesNotContain(issued.token())
                .doesNotContain(issued.token().split("\\.")[1])
                .contains(issued.jti());
    }
}
