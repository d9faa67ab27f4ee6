package dev.fieldlink.protocol.api;

/** {@code POST auth/login}. The password and code never appear in {@link #toString()}. */
public record LoginRequest(String username, String password, String totp) {
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***, totp=***]";
    }
}
