package dev.fieldlink.auth.refresh;

/**
 * The outcome of a successful rotation: whose token it was, and its successor (same family).
 *
 * @param userId the account to issue a new access token for (re-check that it is still active)
 */
public record Rotation(String userId, IssuedRefreshToken next) {}
