package dev.fieldlink.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Parameters.TEST, new SecureRandom());

    @Test
    void hash_isPhcStringWithParametersAndSalt() {
        String encoded = hasher.hash("correct horse battery".toCharArray());
        assertThat(encoded).matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(encoded).doesNotContain("correct");
    }

    @Test
    void rightPassword_verifies() {
        String encoded = hasher.hash("correct horse battery".toCharArray());
        assertThat(hasher.verify("correct horse battery".toCharArray(), encoded))
                .isTrue();
    }

    @Test
    void wrongPassword_isRejected() {
        String encoded = hasher.hash("correct horse battery".toCharArray());
        assertThat(hasher.verify("correct horse batterz".toCharArray(), encoded))
                .isFalse();
        assertThat(hasher.verify("".toCharArray(), encoded)).isFalse();
    }

    @Test
    void samePasswordTwice_getsDifferentSalts() {
        String a = hasher.hash("same password!".toCharArray());
        String b = hasher.hash("same password!".toCharArray());
        assertThat(a).isNotEqualTo(b);
        assertThat(hasher.verify("same password!".toCharArray(), a)).isTrue();
        assertThat(hasher.verify("same password!".toCharArray(), b)).isTrue();
    }

    @Test
    void hashFromReferenceImplementation_verifies() {
        // Made with the reference argon2 command line tool (libargon2):
        // echo -n "correct horse battery staple" | argon2 saltsaltsaltsalt -id -t 2 -m 10 -p 1 -l 32 -e
        String reference =
                "$argon2id$v=19$m=1024,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ";
        assertThat(hasher.verify("correct horse battery staple".toCharArray(), reference))
                .isTrue();
        assertThat(hasher.verify("correct horse battery stapler".toCharArray(), reference))
                .isFalse();
    }

    @Test
    void hashFromReferenceImplementation_withFourLanesAndNonAsciiPassword_verifies() {
        // echo -n "Grüße, Fieldlink!" | argon2 0123456789abcdef -id -t 3 -m 11 -p 4 -l 32 -e   (UTF-8 input)
        String reference =
                "$argon2id$v=19$m=2048,t=3,p=4$MDEyMzQ1Njc4OWFiY2RlZg$lpqtSQVJCIu0KnQd5aCa4X6DoY3oBL9x8O00k75yDSQ";
        assertThat(hasher.verify("Grüße, Fieldlink!".toCharArray(), reference)).isTrue();
        assertThat(hasher.verify("Grusse, Fieldlink!".toCharArray(), reference)).isFalse();
    }

    @Test
    void hashWithOtherParameters_needsRehash_sameParametersDoNot() {
        String current = hasher.hash("password for rehash".toCharArray());
        PasswordHasher stronger =
                new PasswordHasher(new PasswordHasher.Parameters(2048, 2, 1, 16, 32), new SecureRandom());

        assertThat(hasher.needsRehash(current)).isFalse();
        assertThat(stronger.needsRehash(current)).isTrue();
        // The old hash still verifies under the new configuration, so the relay can re-hash on login.
        assertThat(stronger.verify("password for rehash".toCharArray(), current))
                .isTrue();
        assertThat(stronger.needsRehash(stronger.hash("password for rehash".toCharArray())))
                .isFalse();
    }

    @Test
    void malformedHash_needsRehash_andVerifyRefusesWithClearMessage() {
        assertThat(hasher.needsRehash("$2a$10$bcryptbcryptbcrypt")).isTrue();
        assertThat(hasher.needsRehash(null)).isTrue();
        for (String bad : new String[] {
            "$2a$10$bcryptbcryptbcrypt",
            "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
            "$argon2id$v=16$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
            "$argon2id$v=19$m=1024,t=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
            "$argon2id$v=19$m=1024,t=1,p=1$c2Fsd!!!$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
            "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ",
            ""
        }) {
            assertThatThrownBy(() -> hasher.verify("x".toCharArray(), bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an Argon2id");
        }
    }

    @Test
    void storedHashDemandingHugeCost_isRefusedBeforeAnyWork() {
        String huge =
                "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ";
        String manyPasses =
                "$argon2id$v=19$m=1024,t=100000,p=1$c2FsdHNhbHRzYWx0c2FsdA$RC5JY/00hXKlnXZ/+PCVcJg84nuCQwbjIQ3DVCTomOQ";
        assertThatThrownBy(() -> hasher.verify("x".toCharArray(), huge)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.verify("x".toCharArray(), manyPasses))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dummyVerification_alwaysFails() {
        assertThat(hasher.verifyDummy("anything at all".toCharArray())).isFalse();
        assertThat(hasher.verifyDummy(new char[0])).isFalse();
    }

    @Test
    void defaults_followRfc9106SecondRecommendation() {
        assertThat(PasswordHasher.Parameters.DEFAULTS).isEqualTo(new PasswordHasher.Parameters(65536, 3, 4, 16, 32));
        assertThat(new PasswordHasher().parameters()).isEqualTo(PasswordHasher.Parameters.DEFAULTS);
    }

    @Test
    void invalidParameters_areRefused() {
        assertThatThrownBy(() -> new PasswordHasher.Parameters(16, 1, 4, 16, 32))
                .hasMessageContaining("memory");
        assertThatThrownBy(() -> new PasswordHasher.Parameters(1024, 0, 1, 16, 32))
                .hasMessageContaining("iterations");
        assertThatThrownBy(() -> new PasswordHasher.Parameters(1024, 1, 1, 8, 32))
                .hasMessageContaining("salt");
    }
}
