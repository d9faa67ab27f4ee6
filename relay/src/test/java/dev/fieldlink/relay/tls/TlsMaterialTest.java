package dev.fieldlink.relay.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {
    private static final char[] PASSWORD = "store".toCharArray();

    @Test
    void generatedMaterial_isReadBackOnTheNextStart_asTheSameCertificateAndKey(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");

        TlsMaterial first = TlsMaterial.loadOrCreate(cert, key, true, "127.0.0.1", Clock.systemUTC());
        TlsMaterial second = TlsMaterial.loadOrCreate(cert, key, true, "127.0.0.1", Clock.systemUTC());

        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(keyMatchesCertificate(second)).isTrue();
    }

    @Test
    void opensslTraditionalEcKeyAndCertificate_load(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        run(dir, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key.toString());
        run(
                dir,
                "openssl",
                "req",
                "-new",
                "-x509",
                "-key",
                key.toString(),
                "-subj",
                "/CN=relay.example",
                "-days",
                "30",
                "-out",
                cert.toString());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(key)).startsWith("-----BEGIN EC PRIVATE KEY-----");

        TlsMaterial loaded = TlsMaterial.load(cert, key);

        assertThat(loaded.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=relay.example");
        assertThat(keyMatchesCertificate(loaded)).isTrue();
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as(String.join(" ", command) + ": " + output)
                .isZero();
    }

    private static boolean keyMatchesCertificate(TlsMaterial material) throws Exception {
        KeyStore store = material.keyStore(PASSWORD);
        PrivateKey key = (PrivateKey) store.getKey("relay", PASSWORD);
        byte[] data = "fieldlink".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(material.certificate().getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }
}
