package dev.fieldlink.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TotpVerifierTest {
    private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private final MutableClock clock = MutableClock.at("2026-11-22T10:00:10Z");
    private final Totp totp = new Totp();
    private final TotpVerifier verifier = new TotpVerifier(totp, new InMemoryUsedStepStore(), clock);

    private String codeAtOffset(long seconds) {
        return totp.codeAt(SECRET, clock.instant().plusSeconds(seconds));
    }

    @Test
    void currentCode_isAccepted() {
        assertThat(verifier.verify("jdoe", SECRET, codeAtOffset(0))).isTrue();
    }

    @Test
    void codeOfPreviousOrNextStep_isAccepted() {
        String previous = codeAtOffset(-30);
        String next = codeAtOffset(30);
        assertThat(verifier.verify("a", SECRET, previous)).isTrue();
        assertThat(verifier.verify("b", SECRET, next)).isTrue();
    }

    @Test
    void codeTwoStepsAway_isRefused() {
        assertThat(verifier.verify("a", SECRET, codeAtOffset(-60))).isFalse();
        assertThat(verifier.verify("b", SECRET, codeAtOffset(60))).isFalse();
    }

    @Test
    void acceptedCode_isRefusedTheSecondTime_evenWithinItsWindow() {
        String code = codeAtOffset(0);
        assertThat(verifier.verify("jdoe", SECRET, code)).isTrue();
        assertThat(verifier.verify("jdoe", SECRET, code)).isFalse();
        clock.advance(Duration.ofSeconds(25));
        assertThat(verifier.verify("jdoe", SECRET, code)).isFalse();
    }

    @Test
    void afterACodeIsUsed_earlierStepsAreRefused_laterStepsAccepted() {
        String previous = codeAtOffset(-30);
        assertThat(verifier.verify("jdoe", SECRET, codeAtOffset(0))).isTrue();
        assertThat(verifier.verify("jdoe", SECRET, previous)).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(verifier.verify("jdoe", SECRET, codeAtOffset(0))).isTrue();
    }

    @Test
    void replayProtection_isPerAccount() {
        String code = codeAtOffset(0);
        assertThat(verifier.verify("alice", SECRET, code)).isTrue();
        assertThat(verifier.verify("bob", SECRET, code)).isTrue();
    }

    @Test
    void oldCode_isRefusedAfterTimeMoves() {
        String code = codeAtOffset(0);
        clock.advance(Duration.ofMinutes(2));
        assertThat(verifier.verify("jdoe", SECRET, code)).isFalse();
    }

    @Test
    void malformedCodes_areRefused_andDoNotConsumeTheStep() {
        String code = codeAtOffset(0);
        assertThat(verifier.verify("jdoe", SECRET, null)).isFalse();
        assertThat(verifier.verify("jdoe", SECRET, "")).isFalse();
        assertThat(verifier.verify("jdoe", SECRET, code + "0")).isFalse();
        assertThat(verifier.verify("jdoe", SECRET, " " + code.substring(1))).isFalse();
        assertThat(verifier.verify("jdoe", SECRET, "12345a")).isFalse();
        assertThat(verifier.verify("jdoe", SECRET, code)).isTrue();
    }

    @Test
    void codeForAnotherSecret_isRefused() {
        String other = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        assertThat(verifier.verify("jdoe", SECRET, totp.codeAt(other, clock.instant())))
                .isFalse();
    }

    @Test
    void inMemoryStore_advancesOnlyForward() {
        InMemoryUsedStepStore store = new InMemoryUsedStepStore();
        assertThat(store.tryAdvance("a", 10)).isTrue();
        assertThat(store.tryAdvance("a", 10)).isFalse();
        assertThat(store.tryAdvance("a", 9)).isFalse();
        assertThat(store.tryAdvance("a", 11)).isTrue();
        assertThat(store.tryAdvance("b", 1)).isTrue();
    }

    @Test
    void match_recordsNothing_consumeAcceptsAStepOnce() {
        String code = codeAtOffset(0);
        long step = Totp.stepAt(clock.instant());
        assertThat(verifier.match(SECRET, code)).hasValue(step);
        assertThat(verifier.match(SECRET, code)).hasValue(step);
        assertThat(verifier.consume("jdoe", step)).isTrue();
        assertThat(verifier.consume("jdoe", step)).isFalse();
        assertThat(verifier.verify("jdoe", SECRET, code)).isFalse();
    }

    @Test
    void match_forUnknownAccount_isAlwaysEmpty() {
        // With no secret the dummy secret is used for equal work; even its own current code does not match.
        String dummyCode = codeAtOffset(0);
        assertThat(verifier.match(null, dummyCode)).isEmpty();
        assertThat(verifier.match(null, "123456")).isEmpty();
        assertThat(verifier.match(SECRET, "12345")).isEmpty();
    }
}
