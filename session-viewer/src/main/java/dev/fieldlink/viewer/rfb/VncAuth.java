package dev.fieldlink.viewer.rfb;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNC Authentication (RFC 6143 section 7.2.2): DES-encrypts the 16-byte challenge with the password (first 8 bytes,
 * each byte's bits mirrored) as key. Stateless and thread-safe. Never log a challenge, response or password.
 */
public final class VncAuth {
    private VncAuth() {}

    /** The 16-byte response to {@code challenge} for {@code password} (only the first 8 characters count). */
    public static byte[] response(byte[] challenge, char[] password) throws RfbException {
        if (challenge.length != 16) {
            throw RfbException.protocol("VNC Authentication: challenge of " + challenge.length + " bytes, not 16");
        }
        byte[] key = new byte[8];
        for (int i = 0; i < 8 && i < password.length; i++) {
            key[i] = (byte) (Integer.reverse(password[i] & 0xFF) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new RfbException(RfbException.Kind.UNSUPPORTED, "VNC Authentication: DES is not available", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
