package dev.fieldlink.relay.admin;

/**
 * An account just created (or whose TOTP secret was reset): the secret and its {@code otpauth://} URI are shown once
 * to be entered into an authenticator app; {@link #toString()} hides them.
 */
public record CreatedUser(String id, String username, String totpSecret, String otpauthUri) {
    @Override
    public String toString() {
        return "CreatedUser[id=" + id + ", username=" + username + ", totpSecret=***]";
    }
}
