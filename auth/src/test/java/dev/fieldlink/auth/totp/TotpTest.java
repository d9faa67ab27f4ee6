package dev.fieldlink.auth.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    /** RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
    private static final String RFC_SECRET =
            Base32.toBase32String("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest(name = "T = {0} s -> {1}")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void rfc6238Sha1Vectors_eightDigits(long epochSeconds, String expected) {
        assertThat(new Totp(8).codeAt(RFC_SECRET, Instant.ofEpochSecond(epochSeconds)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "T = {0} s -> {1}")
    @CsvSource({"59, 287082", "1111111109, 081804", "1234567890, 005924", "20000000000, 353130"})
    void rfc6238Sha1Vectors_sixDigitsAreTheLastSix_withLeadingZeros(long epochSeconds, String expected) {
        assertThat(new Totp().codeAt(RFC_SECRET, Instant.ofEpochSecond(epochSeconds)))
                .isEqualTo(expected);
    }

    @Test
    void rfcSecretInBase32_isTheWellKnownString() {
        assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        // Lower case and spaces, as people type it, decode the same.
        assertThat(new Totp().codeAt("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", Instant.ofEpochSecond(59)))
                .isEqualTo("287082");
    }

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertThat(Totp.stepAt(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.stepAt(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.stepAt(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
    }

    @Test
    void newSecret_is160RandomBitsInBase32() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String secret = Totp.newSecret(random);
            assertThat(secret).matches("[A-Z2-7]{32}");
            assertThat(Base32.decode(secret)).hasSize(20);
            seen.add(secret);
        }
        assertThat(seen).hasSize(50);
    }

    @Test
    void otpauthUri_carriesIssuerAccountAndParameters() {
        String uri = new Totp().otpauthUri("Fieldlink", "Jane Doe@example.com", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(uri)
                .isEqualTo("otpauth://totp/Fieldlink:Jane%20Doe%40example.com"
                        + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Fieldlink"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void otpauthUri_refusesColonInNames() {
        assertThatThrownBy(() -> new Totp().otpauthUri("Field:link", "jdoe", RFC_SECRET))
                .hasMessageContaining("':'");
    }

    @Test
    void invalidSecret_isRefusedWithClearMessage() {
        assertThatThrownBy(() -> new Totp().codeAt("not base32 because 1 and 8!", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The TOTP secret is not valid Base32");
        assertThatThrownBy(() -> new Totp().codeAt("", Instant.EPOCH)).hasMessage("The TOTP secret is empty");
    }

    @Test
    void digitsOutsideSixToEight_areRefused() {
        assertThatThrownBy(() -> new Totp(5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Totp(9)).isInstanceOf(IllegalArgumentException.class);
    }
}
