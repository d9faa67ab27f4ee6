package dev.fieldlink.auth.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;

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

    private static final String DUMMY_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    private final Totp totp;
    private final UsedStepStore usedSteps;
    private final Clock clock;

    public TotpVerifier(Totp totp, UsedStepStore usedSteps, Clock clock) {
        this.totp = Objects.requireNonNull(totp, "totp");
        this.usedSteps = Objects.requireNonNull(usedSteps, "usedSteps");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Whether {@code code} is valid now for {@code secret} and was not used before for {@code accountId}: {@link
     * #match} followed by {@link #consume}. Returns {@code false} for a code that is not exactly the expected number
     * of digits.
     *
     * @throws IllegalArgumentException if {@code secret} is not Base32 (a damaged record)
     */
    public boolean verify(String accountId, String secret, String code) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(secret, "secret");
        OptionalLong step = match(secret, code);
        return step.isPresent() && consume(accountId, step.getAsLong());
    }

    /**
     * The time step (now, or one either side) whose code equals {@code code}, without recording anything. Takes
     * the same work whether and where it matches; with a {@code null} secret (unknown account) it does the same
     * work against a dummy secret and returns empty. The relay checks password and code this way first and calls
     * {@link #consume} only when both are right, so a wrong password never uses up a code and the time taken does
     * not tell which factor was wrong.
     *
     * @throws IllegalArgumentException if {@code secret} is not Base32 (a damaged record)
     */
    public OptionalLong match(String secret, String code) {
        long now = Totp.stepAt(clock.instant());
        boolean wellFormed = isDigits(code) && secret != null;
        String key = secret != null ? secret : DUMMY_SECRET;
        byte[] presented = (isDigits(code) ? code : "0".repeat(totp.digits())).getBytes(StandardCharsets.US_ASCII);
        long matched = Long.MIN_VALUE;
        for (long step = now + WINDOW; step >= now - WINDOW; step--) {
            byte[] expected = totp.codeAtStep(key, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented) && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return wellFormed && matched != Long.MIN_VALUE ? OptionalLong.of(matched) : OptionalLong.empty();
    }

    /**
     * Records that the code of {@code step} was used by {@code accountId}.
     *
     * @return {@code true} if neither this step nor a later one was used before; {@code false} means replay
     */
    public boolean consume(String accountId, long step) {
        return usedSteps.tryAdvance(Objects.requireNonNull(accountId, "accountId"), step);
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
