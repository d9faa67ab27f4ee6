package dev.fieldlink.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RevokedTokensTest {
    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");

    @Test
    void revokedId_staysRevokedUntilExpiryPlusMargin_thenIsForgotten() {
        RevokedTokens revoked = new RevokedTokens(clock);
        revoked.revoke("a", clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(revoked.isRevoked("a")).isTrue();
        assertThat(revoked.isRevoked("b")).isFalse();

        clock.advance(
                Duration.ofMinutes(10).plus(RevokedTokens.RETAIN_AFTER_EXPIRY).minusSeconds(1));
        assertThat(revoked.isRevoked("a")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(revoked.isRevoked("a")).isFalse();
    }

    @Test
    void entriesAreBounded() {
        RevokedTokens revoked = new RevokedTokens(clock, 10);
        for (int i = 0; i < 1000; i++) {
            revoked.revoke("jti-" + i, clock.instant().plus(Duration.ofMinutes(10)));
        }
        long remembered = 0;
        for (int i = 0; i < 1000; i++) {
            remembered += revoked.isRevoked("jti-" + i) ? 1 : 0;
        }
        assertThat(remembered).isLessThanOrEqualTo(10);
    }
}
