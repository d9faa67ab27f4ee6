package dev.fieldlink.relay.tls;

import dev.fieldlink.auth.PrivateFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The HTTPS certificate chain and private key. Loaded from PEM files, or generated on first start as a self-signed
 * ECDSA P-256 certificate for {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the configured host, valid for two
 * years, with the key written mode 0600. Clients pin {@link #fingerprint()}.
 */
public final class TlsMaterial {
    private static final Duration VALIDITY = Duration.ofDays(730);

    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private TlsMaterial(List<X509Certificate> chain, PrivateKey key) {
        this.chain = List.copyOf(chain);
        this.key = key;
    }

    /**
     * Loads the files; when {@code generate} is true and both are missing, creates a self-signed pair first.
     *
     * @throws IllegalStateException naming the file and problem
     */
    public static TlsMaterial loadOrCreate(
            Path certificate, Path privateKey, boolean generate, String host, Clock clock) {
        if (generate && !Files.exists(certificate) && !Files.exists(privateKey)) {
            TlsMaterial m = selfSigned(host, clock);
            m.write(certificate, privateKey);
            return m;
        }
        return load(certificate, privateKey);
    }

    /** A self-signed pair in memory. */
    public static TlsMaterial selfSigned(String host, Clock clock) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair kp = g.generateKeyPair();
            Instant now = clock.instant();
            X500Name name = new X500Name("CN=Fieldlink relay");
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    name,
                    new BigInteger(128, new SecureRandom()).abs().add(BigInteger.ONE),
                    java.util.Date.from(now.minus(Duration.ofMinutes(5))),
                    java.util.Date.from(now.plus(VALIDITY)),
                    name,
                    kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(host)));
            X509CertificateHolder holder =
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
            return new TlsMaterial(List.of(cert), kp.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate a TLS certificate: " + e.getMessage(), e);
        }
    }

    /** Reads a PEM certificate chain (leaf first) and a PEM private key (PKCS#8, or EC/RSA key pair). */
    public static TlsMaterial load(Path certificate, Path privateKey) {
        if (!Files.isRegularFile(certificate)) {
            throw new IllegalStateException("the TLS certificate " + certificate + " does not exist");
        }
        if (!Files.isRegularFile(privateKey)) {
            throw new IllegalStateException("the TLS private key " + privateKey + " does not exist");
        }
        PrivateFiles.requireOwnerOnly(privateKey);
        try {
            List<X509Certificate> chain = new ArrayList<>();
            try (PEMParser p =
                    new PEMParser(new StringReader(Files.readString(certificate, StandardCharsets.US_ASCII)))) {
                Object o;
                while ((o = p.readObject()) != null) {
                    if (o instanceof X509CertificateHolder h) {
                        chain.add(new JcaX509CertificateConverter().getCertificate(h));
                    }
                }
            }
            if (chain.isEmpty()) {
                throw new IllegalStateException(certificate + " holds no PEM certificate");
            }
            PrivateKey key;
            try (PEMParser p =
                    new PEMParser(new StringReader(Files.readString(privateKey, StandardCharsets.US_ASCII)))) {
                Object o = p.readObject();
                JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
                if (o instanceof PrivateKeyInfo info) {
                    key = conv.getPrivateKey(info);
                } else if (o instanceof PEMKeyPair pair) {
                    // Traditional "EC PRIVATE KEY" blocks may omit the public key: use the private part only.
                    key = conv.getPrivateKey(pair.getPrivateKeyInfo());
                } else {
                    throw new IllegalStateException(privateKey + " holds no unencrypted PEM private key");
                }
            }
            return new TlsMaterial(chain, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLS files: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load TLS files: " + e.getMessage(), e);
        }
    }

    /** A key store holding the key and chain under alias {@code relay}, protected by {@code password}. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("relay", key, password, chain.toArray(new X509Certificate[0]));
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS key store: " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * SHA-256 of the leaf certificate (DER) as {@code SHA256:<Base64 without padding>}, the form SSH fingerprints
     * take; the console's {@code --pin} accepts it.
     */
    public String fingerprint() {
        return "SHA256:" + java.util.Base64.getEncoder().withoutPadding().encodeToString(digest());
    }

    /** The same digest as upper-case hex pairs joined by colons, as browsers and {@code openssl x509} show it. */
    public String fingerprintHex() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest());
    }

    private byte[] digest() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the TLS certificate", e);
        }
    }

    private void write(Path certificate, Path privateKey) {
        try {
            StringWriter c = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(c)) {
                for (X509Certificate x : chain) {
                    w.writeObject(x);
                }
            }
            StringWriter k = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(k)) {
                // PKCS#8 ("PRIVATE KEY"): a bare PrivateKeyInfo would be written as a traditional EC block.
                w.writeObject(new JcaPKCS8Generator(key, null));
            }
            PrivateFiles.writeAtomically(privateKey, k.toString().getBytes(StandardCharsets.US_ASCII));
            Files.createDirectories(certificate.toAbsolutePath().getParent());
            Files.writeString(certificate, c.toString(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write TLS files: " + e.getMessage(), e);
        }
    }

    private static GeneralName[] names(String host) {
        Set<String> dns = new LinkedHashSet<>(List.of("localhost"));
        Set<String> ips = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
        if (host != null && !host.isBlank() && !host.equals("0.0.0.0") && !host.equals("::")) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                ips.add(host);
            } else {
                dns.add(host.toLowerCase(Locale.ROOT));
            }
        }
        try {
            String local = InetAddress.getLocalHost().getHostName();
            if (local != null && !local.isBlank() && local.matches("[A-Za-z0-9.-]+")) {
                dns.add(local.toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            // No resolvable host name: the certificate covers the loopback names only.
        }
        List<GeneralName> out = new ArrayList<>();
        dns.forEach(d -> out.add(new GeneralName(GeneralName.dNSName, d)));
        ips.forEach(i -> out.add(new GeneralName(GeneralName.iPAddress, i)));
        return out.toArray(new GeneralName[0]);
    }
}
