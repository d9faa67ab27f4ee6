package dev.fieldlink.relay.tls;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's TLS settings: TLS 1.3 and 1.2 only, AEAD suites with forward secrecy only. The TLS 1.3 suites are listed
 * explicitly: a list holding only TLS 1.2 suites would silently switch TLS 1.3 off in Java.
 */
public final class TlsPolicy {
    /** Enabled protocols, strongest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Enabled suites: TLS 1.3 (all AEAD, all forward-secret), then ECDHE with AES-GCM or ChaCha20-Poly1305. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {}

    /** A Jetty server TLS context for {@code material}. */
    public static SslContextFactory.Server serverContext(TlsMaterial material) {
        byte[] pw = new byte[24];
        new SecureRandom().nextBytes(pw);
        char[] password = Base64.getEncoder().encodeToString(pw).toCharArray();
        SslContextFactory.Server f = new SslContextFactory.Server();
        f.setKeyStore(material.keyStore(password));
        f.setKeyStorePassword(new String(password));
        f.setKeyStoreType("PKCS12");
        f.setIncludeProtocols(PROTOCOLS.toArray(new String[0]));
        f.setExcludeProtocols("SSLv3", "TLSv1", "TLSv1.1");
        f.setIncludeCipherSuites(CIPHER_SUITES.toArray(new String[0]));
        f.setUseCipherSuitesOrder(true);
        f.setRenegotiationAllowed(false);
        f.setSniRequired(false);
        return f;
    }
}
