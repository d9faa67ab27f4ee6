package dev.fieldlink.policy;

import dev.fieldlink.protocol.Role;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A person as the policy sees them. Every Fieldlink account is personal; technicians, team leads, trainers and
 * administrators are all {@code Technician}s with different {@link Role}s.
 *
 * @param regions region ids the person holds; each covers its subtree
 * @param certifications product-line id to the last day (inclusive) the certification is valid
 * @param undertakingSignedOn the day the security and privacy undertaking was signed, or null if never
 */
public record Technician(
        String id,
        Set<String> regions,
        Map<String, LocalDate> certifications,
        Set<Role> roles,
        AccountState state,
        LocalDate undertakingSignedOn) {
    public Technician {
        Objects.requireNonNull(id, "id");
        regions = Set.copyOf(regions);
        certifications = Map.copyOf(certifications);
        roles = Set.copyOf(roles);
        Objects.requireNonNull(state, "state");
    }

    public Technician withRegions(Set<String> newRegions) {
        return new Technician(id, newRegions, certifications, roles, state, undertakingSignedOn);
    }

    public Technician withCertifications(Map<String, LocalDate> newCertifications) {
        return new Technician(id, regions, newCertifications, roles, state, undertakingSignedOn);
    }

    public Technician withRoles(Set<Role> newRoles) {
        return new Technician(id, regions, certifications, newRoles, state, undertakingSignedOn);
    }

    public Technician withState(AccountState newState) {
        return new Technician(id, regions, certifications, roles, newState, undertakingSignedOn);
    }

    public Technician withUndertakingSignedOn(LocalDate signedOn) {
        return new Technician(id, regions, certifications, roles, state, signedOn);
    }
}
