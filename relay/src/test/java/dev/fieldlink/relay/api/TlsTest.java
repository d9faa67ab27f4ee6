package dev.fieldlink.relay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fieldlink.relay.testing.TestRelay;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS of the HTTPS API: 1.3 is negotiated, 1.2 only with forward-secret AEAD suites, 1.1 and {@code TLS_RSA_*}
 * refused. Checked with Java's client and with OpenSSL's {@code s_client}, which can still offer TLS 1.1.
 */
class TlsTest {
    static TestRelay t;
    static SSLContext trusting;

    @BeforeAll
    static void start() throws Exception {
        t = TestRelay.start();
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("relay", t.relay.tlsCertificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void aModernClient_negotiatesTls13() throws IOException {
        try (SSLSocket s = socket()) {
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(s.getSession().getCipherSuite())
                    .isIn("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
        }
    }

    @Test
    void tls12_worksWithForwardSecretAeadSuites() throws IOException {
        try (SSLSocket s = socket()) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(s.getSession().getCipherSuite()).startsWith("TLS_ECDHE_").containsAnyOf("_GCM_", "CHACHA20");
        }
    }

    @Test
    void staticRsaKeyExchange_isRefused() throws IOException {
        try (SSLSocket s = socket()) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setEnabledCipherSuites(
                    new String[] {"TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384"});
            assertThatThrownBy(s::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void openssl_seesTls13_butIsRefusedTls11AndTlsRsa() throws Exception {
        Result v13 = openssl("-tls1_3");
        assertThat(v13.output()).contains("TLSv1.3");
        assertThat(v13.exit()).isZero();
        Result v11 = openssl("-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
        assertThat(v11.exit()).isNotZero();
        assertThat(v11.output()).contains("alert protocol version").contains("Cipher is (NONE)");
        Result rsa = openssl("-tls1_2", "-cipher", "AES128-GCM-SHA256:AES256-GCM-SHA384");
        assertThat(rsa.exit()).isNotZero();
        assertThat(rsa.output()).contains("Cipher is (NONE)");
        Result ecdhe = openssl("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256");
        assertThat(ecdhe.exit()).isZero();
        assertThat(ecdhe.output()).contains("ECDHE-ECDSA-AES128-GCM-SHA256");
    }

    private static SSLSocket socket() throws IOException {
        return (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1", t.relay.httpsPort());
    }

    record Result(int exit, String output) {}

    private static Result openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                "openssl", "s_client", "-connect", "127.0.0.1:" + t.relay.httpsPort(), "-servername", "localhost"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
