package dev.fieldlink.agent.connection;

import dev.fieldlink.auth.PrivateFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The machine's ed25519 key pair, generated on the machine by {@code enroll}; the private key never leaves it. Stored
 * in OpenSSH format in a file only the owner may read (mode 0600); a file that others may read is refused.
 */
public final class MachineKey {
    private MachineKey() {}

    /**
     * Generates a key pair and writes it to {@code file} (mode 0600, parent 0700 if created).
     *
     * @throws IllegalStateException if the file already exists (a machine's key is not replaced by accident)
     */
    public static KeyPair generate(Path file, String comment) {
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " already exists; delete it first to give the machine a new key");
        }
        try {
            KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            ByteArrayOutputStream pem = new ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, pem);
            PrivateFiles.writeAtomically(file, pem.toByteArray());
            return pair;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate the machine key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the key pair from {@code file}.
     *
     * @throws IllegalStateException naming the file if it is missing, readable by others, or not an OpenSSH key
     */
    public static KeyPair load(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException("The machine key " + file + " does not exist; run fieldlink-agent enroll");
        }
        try {
            PrivateFiles.requireOwnerOnly(file);
            try (InputStream in = Files.newInputStream(file)) {
                Iterable<KeyPair> pairs =
                        SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null);
                Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
                if (it == null || !it.hasNext()) {
                    throw new IllegalStateException(file + " holds no key pair");
                }
                return it.next();
            }
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("The machine key " + file + " does not exist; run fieldlink-agent enroll");
        } catch (UncheckedIOException | IOException | GeneralSecurityException e) {
            throw new IllegalStateException(file + " is not a readable OpenSSH private key: " + e.getMessage(), e);
        }
    }

    /** The public key in OpenSSH {@code authorized_keys} form, e.g. {@code ssh-ed25519 AAAA...}. */
    public static String publicKeyLine(KeyPair pair) {
        return PublicKeyEntry.toString(pair.getPublic());
    }

    /** The public key's {@code SHA256:} fingerprint. */
    public static String fingerprint(KeyPair pair) {
        return KeyUtils.getFingerPrint(pair.getPublic());
    }
}
