package dev.fieldlink.agent.enroll;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate, named by the SHA-256 of its DER encoding, for relays with a self-signed
 * certificate. Accepts {@code SHA256:<Base64 without padding>} (as the relay prints it) or 64 hex digits with or
 * without colons ({@code openssl x509 -fingerprint -sha256}).
 */
public final class CertificatePin implements X509TrustManager {
    private final byte[] expected;
    private final String text;

    /**
     * @throws IllegalArgumentException if {@code fingerprint} is in neither form
     */
    public CertificatePin(String fingerprint) {
        this.text = fingerprint;
        this.expected = parse(fingerprint);
    }

    static byte[] parse(String fingerprint) {
        String f = fingerprint == null ? "" : fingerprint.trim();
        try {
            if (f.startsWith("SHA256:")) {
                byte[] b = Base64.getDecoder().decode(f.substring("SHA256:".length()));
                if (b.length == 32) {
                    return b;
                }
            } else {
                String hex = f.replace(":", "").toLowerCase(Locale.ROOT);
                if (hex.length() == 64) {
                    return HexFormat.of().parseHex(hex);
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new IllegalArgumentException(
                "--tls-fingerprint must be SHA256: followed by Base64, or 64 hex digits (SHA-256 of the certificate)");
    }

    /** The SHA-256 of a certificate in the {@code SHA256:<Base64>} form. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the relay sent no certificate");
        }
        String presented = fingerprint(chain[0]);
        if (!MessageDigest.isEqual(parse(presented), expected)) {
            throw new CertificateException("the relay's certificate is " + presented + ", not the pinned " + text);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
