package dev.fieldlink.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets at rest (TOTP secrets in the relay database) with AES-256-GCM.
 *
 * <p>Sealed form: one version byte ({@code 1}), a random 96-bit nonce, the ciphertext and the 128-bit tag. The
 * associated data binds a ciphertext to its row (pass the account id), so a secret copied to another row does not
 * decrypt. Random nonces are safe here for far more than 2^32 encryptions per key, which TOTP secrets never reach.
 *
 * <p>Thread-safe. The key never appears in messages or {@link #toString()}.
 */
public final class SecretCipher {
    /** Key length in bytes (AES-256). */
    public static final int KEY_LENGTH = 32;

    private static final byte VERSION = 1;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int OVERHEAD = 1 + NONCE_LENGTH + TAG_BITS / 8;

    private final SecretKeySpec key;
    private final SecureRandom random;

    /**
     * @param key exactly {@value #KEY_LENGTH} bytes; copied, so the caller may wipe its array
     * @throws IllegalArgumentException if the key has another length
     */
    public SecretCipher(byte[] key) {
        this(key, new SecureRandom());
    }

    /** As {@link #SecretCipher(byte[])}, with the source of nonces. */
    public SecretCipher(byte[] key, SecureRandom random) {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("The secret-cipher key must be " + KEY_LENGTH + " bytes, not "
                    + (key == null ? "absent" : key.length + " bytes"));
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = random;
    }

    /**
     * Reads the key from a file holding either the Base64 text of 32 bytes (one line) or the 32 raw bytes.
     *
     * @throws IllegalStateException if the file is readable or writable by group or others
     * @throws IllegalArgumentException if the file is missing or its content is not a 32-byte key
     * @throws UncheckedIOException if the file cannot be read
     */
    public static SecretCipher fromKeyFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "The secret-cipher key file " + file + " does not exist or is not a file");
        }
        PrivateFiles.requireOwnerOnly(file);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the secret-cipher key file " + file, e);
        }
        try {
            if (content.length == KEY_LENGTH) {
                return new SecretCipher(content);
            }
            return fromBase64(new String(content, StandardCharsets.US_ASCII), "key file " + file);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Reads the key from Base64 text (standard or URL-safe alphabet), e.g. from an environment variable.
     *
     * @throws IllegalArgumentException if the text is not the Base64 form of 32 bytes
     */
    public static SecretCipher fromBase64(String base64Key) {
        return fromBase64(base64Key, "key");
    }

    private static SecretCipher fromBase64(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException("The secret-cipher " + what + " is absent");
        }
        String trimmed = text.strip();
        byte[] key;
        try {
            key = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The secret-cipher " + what + " is not valid Base64");
        }
        try {
            if (key.length != KEY_LENGTH) {
                throw new IllegalArgumentException(
                        "The secret-cipher " + what + " must decode to " + KEY_LENGTH + " bytes, not " + key.length);
            }
            return new SecretCipher(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** A new random key as Base64 text, for writing a key file or an environment variable. */
    public static String newKeyBase64(SecureRandom random) {
        byte[] key = new byte[KEY_LENGTH];
        random.nextBytes(key);
        try {
            return Base64.getEncoder().encodeToString(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Seals {@code plaintext}; {@code associatedData} is authenticated but not stored (may be empty). */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = new byte[1 + NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
            sealed[0] = VERSION;
            System.arraycopy(nonce, 0, sealed, 1, NONCE_LENGTH);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + NONCE_LENGTH);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens what {@link #encrypt} sealed with the same associated data.
     *
     * @throws IllegalArgumentException if the data was altered, belongs to other associated data, or was sealed
     *     with another key
     */
    public byte[] decrypt(byte[] sealed, byte[] associatedData) {
        if (sealed.length < OVERHEAD || sealed[0] != VERSION) {
            throw new IllegalArgumentException("The encrypted secret is not in a known format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_LENGTH));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_LENGTH, sealed.length - 1 - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException(
                    "The encrypted secret is damaged, belongs to another record, or was encrypted with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** {@link #encrypt} for text, returning URL-safe Base64 without padding (fits a VARCHAR column). */
    public String encryptToBase64(String plaintext, String associatedData) {
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(encrypt(bytes, associatedData.getBytes(StandardCharsets.UTF_8)));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Opens what {@link #encryptToBase64} produced.
     *
     * @throws IllegalArgumentException as {@link #decrypt}, or if the text is not Base64
     */
    public String decryptFromBase64(String sealed, String associatedData) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The encrypted secret is not valid Base64");
        }
        byte[] plain = decrypt(raw, associatedData.getBytes(StandardCharsets.UTF_8));
        try {
            return new String(plain, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[AES-256-GCM]";
    }
}
