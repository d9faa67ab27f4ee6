package dev.fieldlink.protocol.api;

/** {@code POST auth/refresh} and {@code POST auth/logout}: the refresh token to rotate or revoke. */
public record RefreshRequest(String refreshToken) {
    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=***]";
    }
}
