package dev.fieldlink.relay.admin;

import dev.fieldlink.protocol.Role;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A personal account to create.
 *
 * @param username what the person types to sign in (lower-case letters, digits, {@code . _ -}; 2 to 64)
 * @param password at least 12 characters, not a common password, not containing the username
 * @param totpSecret Base32 TOTP secret, or null to generate one
 * @param certifications product line to the last day the certification is valid
 * @param undertakingSignedOn the day the undertaking was signed, or null if not yet
 * @param photo PNG or JPEG, at most 256 KiB, or null
 */
public record NewUser(
        String username,
        String displayName,
        String company,
        String password,
        String totpSecret,
        Set<Role> roles,
        Set<String> regions,
        Map<String, LocalDate> certifications,
        LocalDate undertakingSignedOn,
        byte[] photo) {
    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        certifications = certifications == null ? Map.of() : Map.copyOf(certifications);
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", roles=" + roles + ", regions=" + regions + "]";
    }
}
