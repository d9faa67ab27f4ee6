package dev.fieldlink.protocol.api;

import dev.fieldlink.protocol.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** {@code GET me}: who is signed in and what they hold. */
public record MeResponse(
        String id,
        String username,
        String displayName,
        String company,
        Set<Role> roles,
        List<String> regions,
        List<Certification> certifications,
        LocalDate undertakingSignedOn,
        LocalDate undertakingValidUntil) {
    public MeResponse {
        roles = Set.copyOf(roles);
        regions = List.copyOf(regions);
        certifications = List.copyOf(certifications);
    }
}
