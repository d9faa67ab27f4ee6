package dev.fieldlink.console.relay;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of a certificate's DER encoding. Written {@code SHA256:<base64 without padding>}, the
 * form the relay prints; {@link #parse} also accepts the colon-separated hex that {@code openssl x509 -fingerprint
 * -sha256} prints. Immutable.
 */
public final class CertificateFingerprint {
    private static final String PREFIX = "SHA256:";
    private static final int LENGTH = 32;

    private final byte[] digest;

    private CertificateFingerprint(byte[] digest) {
        this.digest = digest.clone();
    }

    /**
     * Reads {@code SHA256:<base64>} or 32 bytes of hex (colons, spaces and case ignored).
     *
     * @throws IllegalArgumentException naming the expected forms
     */
    public static CertificateFingerprint parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        byte[] bytes = null;
        if (trimmed.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String b64 = trimmed.substring(PREFIX.length()).replace("=", "");
            try {
                bytes = Base64.getDecoder().decode(padded(b64));
            } catch (IllegalArgumentException e) {
                bytes = null;
            }
        } else {
            String hex = trimmed.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
            if (hex.length() == 2 * LENGTH) {
                try {
                    bytes = HexFormat.of().parseHex(hex);
                } catch (IllegalArgumentException e) {
                    bytes = null;
                }
            }
        }
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException(
                    "Not a SHA-256 certificate fingerprint (expected SHA256:<base64> or 32 hex bytes): " + trimmed);
        }
        return new CertificateFingerprint(bytes);
    }

    /** The fingerprint of a certificate. */
    public static CertificateFingerprint of(X509Certificate certificate) {
        try {
            return new CertificateFingerprint(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate cannot be encoded", e);
        }
    }

    /** True when this is the fingerprint of {@code certificate}; compares in constant time. */
    public boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(digest, of(certificate).digest);
    }

    private static String padded(String b64) {
        int rest = b64.length() % 4;
        return rest == 0 ? b64 : b64 + "=".repeat(4 - rest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateFingerprint that && MessageDigest.isEqual(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    /** {@code SHA256:<base64 without padding>}. */
    @Override
    public String toString() {
        return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(digest);
    }
}
