package dev.fieldlink.console.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {
    private static final HeldCertificate CERT =
            new HeldCertificate.Builder().commonName("relay").build();

    @Test
    void fingerprint_isSha256OfTheDerEncoding_inOpenSshStyle() throws Exception {
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(CERT.certificate().getEncoded());
        CertificateFingerprint fingerprint = CertificateFingerprint.of(CERT.certificate());
        assertThat(fingerprint)
                .hasToString("SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest));
        assertThat(fingerprint.matches(CERT.certificate())).isTrue();
    }

    @Test
    void parse_acceptsItsOwnFormPaddedBase64_andOpensslColonHex() throws Exception {
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(CERT.certificate().getEncoded());
        CertificateFingerprint expected = CertificateFingerprint.of(CERT.certificate());
        String colonHex = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        assertThat(CertificateFingerprint.parse(expected.toString())).isEqualTo(expected);
        assertThat(CertificateFingerprint.parse("sha256:" + Base64.getEncoder().encodeToString(digest)))
                .isEqualTo(expected);
        assertThat(CertificateFingerprint.parse(colonHex)).isEqualTo(expected);
    }

    @Test
    void parse_refusesWrongLengthsAndGarbage_namingTheForms() {
        assertThatThrownBy(() -> CertificateFingerprint.parse("SHA256:abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA256:<base64>");
        assertThatThrownBy(() -> CertificateFingerprint.parse("zz".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateFingerprint.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherCertificate_doesNotMatch() {
        HeldCertificate other =
                new HeldCertificate.Builder().commonName("relay").build();
        assertThat(CertificateFingerprint.of(CERT.certificate()).matches(other.certificate()))
                .isFalse();
    }
}
