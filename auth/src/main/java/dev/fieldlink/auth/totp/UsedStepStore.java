package dev.fieldlink.auth.totp;

/**
 * Remembers, per account, the last time step whose TOTP code was accepted, so that a code works once only. The
 * relay keeps it in one column per account ({@code UPDATE ... SET last_totp_step = ? WHERE account = ? AND
 * (last_totp_step IS NULL OR last_totp_step < ?)}, accepted if one row changed).
 *
 * <p>Implementations must be thread-safe and the check-and-set atomic.
 */
public interface UsedStepStore {
    /**
     * Records {@code step} as the account's last accepted step if it is later than the one recorded (or none is).
     *
     * @return {@code true} if recorded; {@code false} if this or a later step was already used
     */
    boolean tryAdvance(String accountId, long step);
}
