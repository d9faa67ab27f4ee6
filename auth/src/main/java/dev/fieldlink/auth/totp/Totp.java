package dev.fieldlink.auth.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA-1, 30-second steps from the Unix epoch, 6
 * digits by default. This is what common authenticator apps implement.
 *
 * <p>Secrets travel as Base32 (RFC 4648, upper case, no padding). Immutable and thread-safe.
 */
public final class Totp {
    /** Digits of a code, as authenticator apps show them. */
    public static final int DIGITS = 6;

    /** Length of one time step. */
    public static final Duration STEP = Duration.ofSeconds(30);

    /** Secret length: 160 bits, the HMAC-SHA-1 output size that RFC 4226 recommends. */
    public static final int SECRET_BYTES = 20;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private final int digits;

    /** Six-digit codes. */
    public Totp() {
        this(DIGITS);
    }

    /**
     * @param digits 6 to 8 (RFC 6238's test vectors use 8)
     */
    public Totp(int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP codes have 6 to 8 digits, not " + digits);
        }
        this.digits = digits;
    }

    public int digits() {
        return digits;
    }

    /** A new random 160-bit secret in Base32 (32 characters). */
    public static String newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        try {
            return Base32.toBase32String(secret).replace("=", "");
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The step number that contains {@code time}: seconds since the epoch divided by 30, rounded down. */
    public static long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP.toSeconds());
    }

    /** The code valid during the step that contains {@code time}. */
    public String codeAt(String secret, Instant time) {
        return codeAtStep(secret, stepAt(time));
    }

    /**
     * The code of one time step.
     *
     * @throws IllegalArgumentException if {@code secret} is not Base32
     */
    public String codeAtStep(String secret, long step) {
        byte[] key = decodeSecret(secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hmac = mac.doFinal(longBytes(step));
            int offset = hmac[hmac.length - 1] & 0x0f;
            int binary = ((hmac[offset] & 0x7f) << 24)
                    | ((hmac[offset + 1] & 0xff) << 16)
                    | ((hmac[offset + 2] & 0xff) << 8)
                    | (hmac[offset + 3] & 0xff);
            String code = Integer.toString(binary % POWERS[digits]);
            return "0".repeat(digits - code.length()) + code;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The enrolment URI that authenticator apps read from a QR code ({@code otpauth://totp/...}, Key URI Format).
     *
     * @param issuer the service name shown in the app, e.g. {@code Fieldlink}; must not contain a colon
     * @param account the account name shown in the app; must not contain a colon
     */
    public String otpauthUri(String issuer, String account, String secret) {
        if (issuer.indexOf(':') >= 0 || account.indexOf(':') >= 0) {
            throw new IllegalArgumentException("TOTP issuer and account names must not contain ':'");
        }
        decodeSecret(secret);
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + normalise(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + digits + "&period=" + STEP.toSeconds();
    }

    static byte[] decodeSecret(String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("The TOTP secret is absent");
        }
        String normalised = normalise(secret);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("The TOTP secret is empty");
        }
        if (!normalised.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) {
            throw new IllegalArgumentException("The TOTP secret is not valid Base32");
        }
        String padded = normalised + "=".repeat((8 - normalised.length() % 8) % 8);
        try {
            return Base32.decode(padded);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The TOTP secret is not valid Base32");
        }
    }

    private static String normalise(String secret) {
        return secret.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "Totp[HmacSHA1, " + STEP.toSeconds() + " s, " + digits + " digits]";
    }
}
