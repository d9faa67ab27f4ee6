package dev.fieldlink.console.relay;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How the console decides to trust the relay's TLS certificate: the trust store of this Java runtime (the default),
 * given trusted roots, or exactly one certificate identified by its SHA-256 fingerprint (a relay with a self-signed
 * certificate, and the sandbox). With a pin, the fingerprint identifies the relay, so the host name is not checked
 * against the certificate. Immutable and thread-safe.
 */
public final class RelayTls {
    private final X509TrustManager trustManager;
    private final SSLSocketFactory socketFactory;
    private final CertificateFingerprint pin;

    private RelayTls(X509TrustManager trustManager, CertificateFingerprint pin) {
        this.trustManager = trustManager;
        this.pin = pin;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
            this.socketFactory = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot set up TLS", e);
        }
    }

    /** Trust what this Java runtime's trust store trusts, and check the host name. */
    public static RelayTls system() {
        return trusting(null);
    }

    /** Trust certificates issued by the roots in {@code roots} ({@code null}: the runtime's trust store). */
    public static RelayTls trusting(KeyStore roots) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(roots);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return new RelayTls(new Reporting(x509), null);
                }
            }
            throw new IllegalStateException("This Java runtime offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not load the trust store", e);
        }
    }

    /** Trust exactly the certificate with this fingerprint, whatever its issuer and host name. */
    public static RelayTls pinned(CertificateFingerprint fingerprint) {
        return new RelayTls(new Pinned(Objects.requireNonNull(fingerprint, "fingerprint")), fingerprint);
    }

    /** The pinned fingerprint, if this trust is a pin. */
    public Optional<CertificateFingerprint> pin() {
        return Optional.ofNullable(pin);
    }

    X509TrustManager trustManager() {
        return trustManager;
    }

    SSLSocketFactory socketFactory() {
        return socketFactory;
    }

    /** With a pin the certificate itself is the identity; otherwise OkHttp's standard host-name check applies. */
    Optional<HostnameVerifier> hostnameVerifier() {
        return pin == null ? Optional.empty() : Optional.of((host, session) -> true);
    }

    @Override
    public String toString() {
        return pin == null ? "RelayTls[trust store]" : "RelayTls[pinned " + pin + "]";
    }

    /** The relay presented a certificate other than the pinned one. */
    static final class MismatchException extends CertificateException {
        private static final long serialVersionUID = 1L;
        private final transient CertificateFingerprint expected;
        private final transient CertificateFingerprint actual;

        MismatchException(CertificateFingerprint expected, CertificateFingerprint actual) {
            super("The relay's certificate " + actual + " does not match the pinned fingerprint " + expected);
            this.expected = expected;
            this.actual = actual;
        }

        CertificateFingerprint expected() {
            return expected;
        }

        CertificateFingerprint actual() {
            return actual;
        }
    }

    /** The trust store does not vouch for the relay's certificate; carries its fingerprint so a person can pin it. */
    static final class UntrustedException extends CertificateException {
        private static final long serialVersionUID = 1L;
        private final transient CertificateFingerprint actual;

        UntrustedException(CertificateFingerprint actual, Throwable cause) {
            super("The relay's certificate " + actual + " is not trusted", cause);
            this.actual = actual;
        }

        CertificateFingerprint actual() {
            return actual;
        }
    }

    private static final class Pinned implements X509TrustManager {
        private final CertificateFingerprint expected;

        Pinned(CertificateFingerprint expected) {
            this.expected = expected;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("The relay presented no certificate");
            }
            if (!expected.matches(chain[0])) {
                throw new MismatchException(expected, CertificateFingerprint.of(chain[0]));
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("The console does not accept client connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static final class Reporting implements X509TrustManager {
        private final X509TrustManager delegate;

        Reporting(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                if (chain == null || chain.length == 0) {
                    throw e;
                }
                throw new UntrustedException(CertificateFingerprint.of(chain[0]), e);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
