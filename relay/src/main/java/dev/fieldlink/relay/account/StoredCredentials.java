package dev.fieldlink.relay.account;

/**
 * What sign-in needs besides the account: the Argon2id hash and the TOTP secret sealed with the relay's secret
 * cipher (associated data: the account id). Neither is ever logged.
 */
public record StoredCredentials(Account account, String passwordHash, String sealedTotpSecret) {
    @Override
    public String toString() {
        return "StoredCredentials[account=" + account.id() + "]";
    }
}
