package dev.fieldlink.auth.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;

/**
 * Checks TOTP codes at login: a code of the current step or one step either side (clock drift of up to 30 s) is
 * accepted, once. After a code is accepted, it and every code of the same or an earlier step are refused for that
 * account, so an observed code cannot be replayed.
 *
 * <p>Guessing is bounded by the login throttle: the relay counts a wrong code as a failed login. Thread-safe.
 */
public final class TotpVerifier {
    /** Steps accepted either side of the current one. */
    public static final int WINDOW = 1;

    private final Totp totp;
    private final UsedStepStore usedSteps;
    private final Clock clock;

    public TotpVerifier(Totp totp, UsedStepStore usedSteps, Clock clock) {
        this.totp = Objects.requireNonNull(totp, "totp");
        this.usedSteps = Objects.requireNonNull(usedSteps, "usedSteps");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether {@code code} is valid now for {@code secret} and was not used before for {@code accountId}. Returns
     * {@code false} for a code that is not exactly the expected number of digits.
     *
     * @throws IllegalArgumentException if {@code secret} is not Base32 (a damaged record)
     */
    public boolean verify(String accountId, String secret, String code) {
        Objects.requireNonNull(accountId, "accountId");
        long now = Totp.stepAt(clock.instant());
        boolean wellFormed = isDigits(code);
        byte[] presented = (wellFormed ? code : "0".repeat(totp.digits())).getBytes(StandardCharsets.US_ASCII);
        // Compute and compare every step of the window, so the time taken does not say which one matched.
        long matched = Long.MIN_VALUE;
        for (long step = now + WINDOW; step >= now - WINDOW; step--) {
            byte[] expected = totp.codeAtStep(secret, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented) && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        if (!wellFormed || matched == Long.MIN_VALUE) {
            return false;
        }
        return usedSteps.tryAdvance(accountId, matched);
    }

    private boolean isDigits(String code) {
        if (code == null || code.length() != totp.digits()) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
