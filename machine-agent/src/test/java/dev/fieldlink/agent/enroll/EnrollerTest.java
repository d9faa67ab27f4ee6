package dev.fieldlink.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.config.ConfigLoader;
import dev.fieldlink.agent.connection.MachineKey;
import dev.fieldlink.protocol.Json;
import dev.fieldlink.protocol.problem.FieldlinkException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollerTest {
    private static final String HOST_KEY = "SHA256:" + "A".repeat(43);
    private static final String ANSWER =
            "{\"machineId\":\"press-0042\",\"sshHost\":\"relay.example.com\",\"sshPort\":8022,"
                    + "\"hostKeyFingerprint\":\"" + HOST_KEY + "\"}";

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private URI base() {
        return URI.create(server.url("/").toString());
    }

    @Test
    void enrol_generatesAnOwnerOnlyKey_sendsOnlyThePublicHalf_andPinsTheRelay() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(ANSWER).build());
        Path config = dir.resolve("agent.yaml");

        Enroller.Result r = new Enroller().enroll(config, base(), "ONE-TIME-1", "press-0042", null);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo(Enroller.PATH);
        JsonNode body = Json.mapper().readTree(request.getBody().utf8());
        assertThat(body.get("code").asText()).isEqualTo("ONE-TIME-1");
        assertThat(body.get("machineId").asText()).isEqualTo("press-0042");
        assertThat(body.get("publicKey").asText()).startsWith("ssh-ed25519 ").doesNotContain("PRIVATE");
        assertThat(r.keyGenerated()).isTrue();

        AgentConfig c = new ConfigLoader().load(config);
        assertThat(c.machineId()).isEqualTo("press-0042");
        assertThat(c.relay().host()).isEqualTo("relay.example.com");
        assertThat(c.relay().port()).isEqualTo(8022);
        assertThat(c.relay().hostKeyFingerprint()).isEqualTo(HOST_KEY);
        assertThat(c.missingForConnection()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(c.keyFile())))
                .isEqualTo("rw-------");
        assertThat(MachineKey.fingerprint(MachineKey.load(c.keyFile()))).isEqualTo(r.publicKeyFingerprint());
    }

    @Test
    void secondEnrolment_keepsTheExistingKey() {
        server.enqueue(new MockResponse.Builder().code(200).body(ANSWER).build());
        server.enqueue(new MockResponse.Builder().code(200).body(ANSWER).build());
        Path config = dir.resolve("agent.yaml");
        Enroller.Result first = new Enroller().enroll(config, base(), "C1", "press-0042", null);
        Enroller.Result second = new Enroller().enroll(config, base(), "C2", "press-0042", null);

        assertThat(second.keyGenerated()).isFalse();
        assertThat(second.publicKeyFingerprint()).isEqualTo(first.publicKeyFingerprint());
    }

    @Test
    void refusedCode_showsTheRelaysDetail_andWritesNoRelay() {
        server.enqueue(new MockResponse.Builder()
                .code(400)
                .addHeader("Content-Type", "application/problem+json")
                .body(
                        "{\"type\":\"https://fieldlink.dev/problems/enrolment-code-invalid\",\"title\":\"x\",\"status\":400,"
                                + "\"detail\":\"The enrolment code has expired\"}")
                .build());
        Path config = dir.resolve("agent.yaml");

        assertThatThrownBy(() -> new Enroller().enroll(config, base(), "OLD", "press-0042", null))
                .isInstanceOf(FieldlinkException.class)
                .hasMessage("The relay refused the enrolment: The enrolment code has expired");
        assertThat(config).doesNotExist();
    }

    @Test
    void plainHttp_toANonLoopbackRelay_isRefused() {
        assertThatThrownBy(() -> new Enroller()
                        .enroll(
                                dir.resolve("agent.yaml"),
                                URI.create("http://192.0.2.1:8443"),
                                "C",
                                "press-0042",
                                null))
                .hasMessageContaining("https://");
    }

    @Test
    void badMachineId_isRefusedBeforeAnythingHappens() {
        assertThatThrownBy(() -> new Enroller().enroll(dir.resolve("agent.yaml"), base(), "C", "bad id", null))
                .hasMessageContaining("--machine-id");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void selfSignedRelay_isTrustedOnlyWithItsPinnedFingerprint() throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder()
                .addSubjectAlternativeName("localhost")
                .build();
        server.close();
        try (MockWebServer tls = new MockWebServer()) {
            tls.useHttps(new HandshakeCertificates.Builder()
                    .heldCertificate(cert)
                    .build()
                    .sslSocketFactory());
            tls.start();
            tls.enqueue(new MockResponse.Builder().code(200).body(ANSWER).build());
            URI relay = URI.create(tls.url("/").toString());
            String right = CertificatePin.fingerprint(cert.certificate());
            String wrong = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);

            assertThatThrownBy(() -> new Enroller().enroll(dir.resolve("a.yaml"), relay, "C", "press-0042", null))
                    .hasMessageContaining("TLS with the relay failed");
            assertThatThrownBy(() -> new Enroller().enroll(dir.resolve("b.yaml"), relay, "C", "press-0042", wrong))
                    .hasMessageContaining("TLS with the relay failed");
            Enroller.Result ok = new Enroller().enroll(dir.resolve("c.yaml"), relay, "C", "press-0042", right);
            assertThat(ok.relay().hostKeyFingerprint()).isEqualTo(HOST_KEY);
        }
    }

    @Test
    void pin_acceptsBase64AndHex_andRefusesOtherForms() {
        byte[] digest = new byte[32];
        digest[0] = (byte) 0xab;
        String hex = "ab" + "00".repeat(31);
        assertThat(CertificatePin.parse(
                        "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest)))
                .isEqualTo(digest);
        assertThat(CertificatePin.parse(hex.replaceAll("(..)(?!$)", "$1:"))).isEqualTo(digest);
        assertThatThrownBy(() -> new CertificatePin("MD5:ab")).hasMessageContaining("--tls-fingerprint");
    }
}
