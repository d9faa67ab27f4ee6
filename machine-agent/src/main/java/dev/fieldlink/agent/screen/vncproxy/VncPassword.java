package dev.fieldlink.agent.screen.vncproxy;

import dev.fieldlink.auth.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNC authentication (RFB 3.8, security type 2): DES of the server's 16-byte challenge with the password (at most 8
 * bytes, each byte's bits mirrored) as the key. The password file is either what {@code vncpasswd -f} writes (8
 * obfuscated bytes) or the password as text on the first line; it must be readable by its owner only.
 */
final class VncPassword {
    /** The fixed key {@code vncpasswd} obfuscates stored passwords with. */
    private static final byte[] OBFUSCATION_KEY = {23, 82, 107, 6, 35, 78, 88, 7};

    private VncPassword() {}

    /** The password's 8 key bytes (zero-padded) from {@code file}. */
    static byte[] read(Path file) throws IOException {
        PrivateFiles.requireOwnerOnly(file);
        byte[] raw = Files.readAllBytes(file);
        if (raw.length == 8 && !isText(raw)) {
            return des(mirrored(OBFUSCATION_KEY), raw, Cipher.DECRYPT_MODE);
        }
        String text =
                new String(raw, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        return Arrays.copyOf(text.getBytes(StandardCharsets.ISO_8859_1), 8);
    }

    private static boolean isText(byte[] raw) {
        for (byte b : raw) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The 16-byte answer to {@code challenge}. */
    static byte[] respond(byte[] password, byte[] challenge) {
        return des(mirrored(password), challenge, Cipher.ENCRYPT_MODE);
    }

    /** VNC's DES takes key bytes least significant bit first; standard DES most significant first. */
    private static byte[] mirrored(byte[] key) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (Integer.reverse(key[i] & 0xff) >>> 24);
        }
        return out;
    }

    private static byte[] des(byte[] key, byte[] data, int mode) {
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(mode, new SecretKeySpec(key, "DES"));
            return des.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES is required for VNC authentication", e);
        }
    }
}
