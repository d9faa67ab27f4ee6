package dev.fieldlink.relay.account;

import dev.fieldlink.auth.totp.UsedStepStore;

/** {@link UsedStepStore} on the {@code credentials.last_totp_step} column: a TOTP code works once. Thread-safe. */
public final class JdbcUsedStepStore implements UsedStepStore {
    private final AccountRepository accounts;

    public JdbcUsedStepStore(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean tryAdvance(String accountId, long step) {
        return accounts.tryAdvanceTotpStep(accountId, step);
    }
}
