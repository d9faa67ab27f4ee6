package dev.fieldlink.console.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * An HTTPS server on loopback that answers with queued responses, to isolate the client from the relay. Its
 * certificate is issued by a test root for {@code localhost}.
 */
public final class MockRelay implements AutoCloseable {
    static final HeldCertificate ROOT = new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("test root")
            .build();
    static final HeldCertificate LEAF = new HeldCertificate.Builder()
            .signedBy(ROOT)
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .build();

    public final MockWebServer server = new MockWebServer();

    public MockRelay() throws IOException {
        HandshakeCertificates certificates = new HandshakeCertificates.Builder()
                .heldCertificate(LEAF, ROOT.certificate())
                .build();
        server.useHttps(certificates.sslSocketFactory());
        server.start();
    }

    public RelayAddress address() {
        return RelayAddress.parse("https://localhost:" + server.getPort());
    }

    public static CertificateFingerprint pin() {
        return CertificateFingerprint.of(LEAF.certificate());
    }

    static RelayTls trustingRoot() throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("root", ROOT.certificate());
        return RelayTls.trusting(store);
    }

    void json(int code, String body) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build());
    }

    void problem(int code, String type, String detail, String extra) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"https://fieldlink.dev/problems/" + type + "\",\"title\":\"t\",\"status\":" + code
                        + ",\"detail\":\"" + detail + "\"" + extra + "}")
                .build());
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("expected another request").isNotNull();
        return request;
    }

    @Override
    public void close() {
        server.close();
    }
}
