package dev.fieldlink.relay.ssh;

import dev.fieldlink.auth.PrivateFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The relay's ed25519 SSH host key, kept as an OpenSSH private key file (mode 0600) and generated on first start.
 */
public final class HostKey {
    private final KeyPair keyPair;

    private HostKey(KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /**
     * Reads the key file, or generates and writes a new key if it does not exist.
     *
     * @throws IllegalStateException naming the file when it exists but is not an ed25519 key, or is readable by
     *     others
     */
    public static HostKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                PrivateFiles.requireOwnerOnly(file);
                PathResource resource = new PathResource(file);
                KeyPair kp;
                try (InputStream in = Files.newInputStream(file)) {
                    Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, resource, in, null);
                    Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
                    if (it == null || !it.hasNext()) {
                        throw new IllegalStateException(file + " holds no private key");
                    }
                    kp = it.next();
                }
                if (!KeyPairProvider.SSH_ED25519.equals(KeyUtils.getKeyType(kp))) {
                    throw new IllegalStateException(
                            file + " holds a " + KeyUtils.getKeyType(kp) + " key; the relay needs ssh-ed25519");
                }
                return new HostKey(kp);
            }
            KeyPair kp = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(kp, "fieldlink-relay", null, out);
            PrivateFiles.writeAtomically(file, out.toByteArray());
            return new HostKey(kp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the SSH host key " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the SSH host key " + file + ": " + e.getMessage(), e);
        }
    }

    /** A fresh key that is never written (tests). */
    public static HostKey generate() {
        try {
            return new HostKey(KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ed25519 is not available: " + e.getMessage(), e);
        }
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    /** {@code SHA256:...} exactly as OpenSSH prints it. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(keyPair.getPublic());
    }

    /** The public key as one OpenSSH line ({@code ssh-ed25519 AAAA...}), e.g. for a known_hosts file. */
    public String publicKeyLine() {
        return org.apache.sshd.common.config.keys.PublicKeyEntry.toString(keyPair.getPublic());
    }
}
