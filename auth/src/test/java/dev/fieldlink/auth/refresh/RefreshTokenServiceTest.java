package dev.fieldlink.auth.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fieldlink.auth.AuthException;
import dev.fieldlink.auth.AuthException.Reason;
import dev.fieldlink.auth.LogCapture;
import dev.fieldlink.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshTokenServiceTest {
    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:00Z");
    private final InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore();
    private final RefreshTokenService service = new RefreshTokenService(store, clock, Duration.ofHours(12));

    private AuthException refused(String token) {
        AuthException e = catchThrowableOfType(AuthException.class, () -> service.rotate(token));
        assertThat(e).as("refresh should be refused").isNotNull();
        if (token != null) {
            assertThat(e.getMessage()).doesNotContain(token);
        }
        return e;
    }

    @Test
    void issuedToken_is256RandomBits_storedOnlyAsItsHash() {
        IssuedRefreshToken issued = service.issue("user-1");
        assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
        RefreshTokenRecord stored =
                store.findByHash(RefreshTokenService.hash(issued.token())).orElseThrow();
        assertThat(stored.tokenHash()).hasSize(64).isNotEqualTo(issued.token());
        assertThat(stored.toString()).doesNotContain(issued.token());
        assertThat(stored.userId()).isEqualTo("user-1");
        assertThat(stored.familyId()).isEqualTo(issued.familyId());
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void rotation_returnsANewTokenOfTheSameFamily_forTheSameUser() {
        IssuedRefreshToken first = service.issue("user-1");
        clock.advance(Duration.ofHours(1));
        Rotation rotation = service.rotate(first.token());
        assertThat(rotation.userId()).isEqualTo("user-1");
        assertThat(rotation.next().token()).isNotEqualTo(first.token());
        assertThat(rotation.next().familyId()).isEqualTo(first.familyId());
        assertThat(rotation.next().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
        assertThat(service.rotate(rotation.next().token()).userId()).isEqualTo("user-1");
    }

    @Test
    void reusingARotatedToken_revokesTheWholeFamily_andReportsWhoseItWas() {
        IssuedRefreshToken stolen = service.issue("user-1");
        Rotation legit = service.rotate(stolen.token());
        IssuedRefreshToken otherLogin = service.issue("user-1");

        RefreshReuseException reuse =
                catchThrowableOfType(RefreshReuseException.class, () -> service.rotate(stolen.token()));
        assertThat(reuse).isNotNull();
        assertThat(reuse.reason()).isEqualTo(Reason.REFRESH_REUSED);
        assertThat(reuse.userId()).isEqualTo("user-1");
        assertThat(reuse.familyId()).isEqualTo(stolen.familyId());

        // The legitimate successor is dead too: both parties must sign in again.
        assertThat(refused(legit.next().token()).reason()).isEqualTo(Reason.REFRESH_REVOKED);
        // Another login of the same user is unaffected.
        assertThat(service.rotate(otherLogin.token()).userId()).isEqualTo("user-1");
    }

    @Test
    void reuseIsLogged_withUserAndFamily_neverTheToken() {
        IssuedRefreshToken token = service.issue("user-1");
        Rotation rotation = service.rotate(token.token());
        try (LogCapture logs = new LogCapture()) {
            refused(token.token());
            assertThat(logs.messages())
                    .singleElement()
                    .satisfies(m -> assertThat(m)
                            .contains("user-1", token.familyId())
                            .doesNotContain(token.token(), rotation.next().token()));
        }
    }

    @Test
    void reuseDetectedAgain_isStillReportedAsReuse() {
        IssuedRefreshToken token = service.issue("user-1");
        service.rotate(token.token());
        assertThat(refused(token.token()).reason()).isEqualTo(Reason.REFRESH_REUSED);
        assertThat(refused(token.token()).reason()).isEqualTo(Reason.REFRESH_REUSED);
    }

    @Test
    void lostRaceBetweenTwoRotations_countsAsReuse() {
        IssuedRefreshToken token = service.issue("user-1");
        String hash = RefreshTokenService.hash(token.token());
        // Another request marks it rotated between this request's read and write.
        RefreshTokenStore racing = new DelegatingStore(store) {
            @Override
            public boolean markRotated(String tokenHash, java.time.Instant at) {
                store.markRotated(tokenHash, at);
                return false;
            }
        };
        RefreshTokenService racer = new RefreshTokenService(racing, clock, Duration.ofHours(12));
        assertThat(catchThrowableOfType(RefreshReuseException.class, () -> racer.rotate(token.token())))
                .isNotNull();
        assertThat(store.findByHash(hash).orElseThrow().revoked()).isTrue();
    }

    @Test
    void expiredToken_isRefused() {
        IssuedRefreshToken token = service.issue("user-1");
        clock.advance(Duration.ofHours(12));
        AuthException e = refused(token.token());
        assertThat(e.reason()).isEqualTo(Reason.REFRESH_EXPIRED);
        assertThat(e.getMessage()).isEqualTo("The refresh token has expired; sign in again");
    }

    @Test
    void tokenJustBeforeExpiry_isAccepted() {
        IssuedRefreshToken token = service.issue("user-1");
        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(service.rotate(token.token()).userId()).isEqualTo("user-1");
    }

    @Test
    void unknownOrMalformedToken_isRefused() {
        assertThat(refused("A".repeat(43)).reason()).isEqualTo(Reason.REFRESH_UNKNOWN);
        assertThat(refused("short").reason()).isEqualTo(Reason.REFRESH_UNKNOWN);
        assertThat(refused("!".repeat(43)).reason()).isEqualTo(Reason.REFRESH_UNKNOWN);
        assertThat(refused(null).reason()).isEqualTo(Reason.REFRESH_UNKNOWN);
    }

    @Test
    void logout_revokesTheFamily_unknownTokenIsIgnored() {
        IssuedRefreshToken token = service.issue("user-1");
        Rotation rotation = service.rotate(token.token());
        service.revoke(rotation.next().token());
        assertThat(refused(rotation.next().token()).reason()).isEqualTo(Reason.REFRESH_REVOKED);
        service.revoke("A".repeat(43));
        service.revoke(null);
    }

    @Test
    void revokeAll_endsEveryLoginOfTheUser_only() {
        IssuedRefreshToken a = service.issue("user-1");
        IssuedRefreshToken b = service.issue("user-1");
        IssuedRefreshToken other = service.issue("user-2");
        assertThat(service.revokeAll("user-1")).isEqualTo(2);
        assertThat(refused(a.token()).reason()).isEqualTo(Reason.REFRESH_REVOKED);
        assertThat(refused(b.token()).reason()).isEqualTo(Reason.REFRESH_REVOKED);
        assertThat(service.rotate(other.token()).userId()).isEqualTo("user-2");
    }

    @Test
    void housekeeping_deletesExpiredTokens() {
        service.issue("user-1");
        clock.advance(Duration.ofHours(6));
        service.issue("user-2");
        clock.advance(Duration.ofHours(7));
        assertThat(store.deleteExpired(clock.instant())).isEqualTo(1);
        assertThat(store.size()).isEqualTo(1);
    }

    /** Forwards to another store; tests override single methods. */
    private static class DelegatingStore implements RefreshTokenStore {
        private final RefreshTokenStore delegate;

        DelegatingStore(RefreshTokenStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void insert(RefreshTokenRecord token) {
            delegate.insert(token);
        }

        @Override
        public java.util.Optional<RefreshTokenRecord> findByHash(String tokenHash) {
            return delegate.findByHash(tokenHash);
        }

        @Override
        public boolean markRotated(String tokenHash, java.time.Instant at) {
            return delegate.markRotated(tokenHash, at);
        }

        @Override
        public int revokeFamily(String familyId) {
            return delegate.revokeFamily(familyId);
        }

        @Override
        public int revokeUser(String userId) {
            return delegate.revokeUser(userId);
        }

        @Override
        public int deleteExpired(java.time.Instant now) {
            return delegate.deleteExpired(now);
        }
    }
}
