package dev.fieldlink.auth.jwt;

import dev.fieldlink.protocol.Role;
import java.time.Instant;
import java.util.Set;

/**
 * What a verified access token says.
 *
 * @param subject the user id ({@code sub})
 * @param roles the roles at the time of issue
 * @param jti the token id, for logout ({@link RevokedTokens})
 */
public record AccessClaims(String subject, Set<Role> roles, String jti, Instant issuedAt, Instant expiresAt) {
    public AccessClaims {
        roles = Set.copyOf(roles);
    }
}
