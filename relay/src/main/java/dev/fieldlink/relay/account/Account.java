package dev.fieldlink.relay.account;

import dev.fieldlink.policy.AccountState;
import dev.fieldlink.policy.Technician;
import dev.fieldlink.protocol.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A person's account as the relay stores it (without credentials).
 *
 * @param id stable id, also the SSH user name of the person's viewer connections
 * @param username what the person types to sign in (lower case)
 * @param certifications product line to the last day the certification is valid
 * @param undertakingSignedOn the day the security and privacy undertaking was signed, or null
 */
public record Account(
        String id,
        String username,
        String displayName,
        String company,
        Set<Role> roles,
        AccountState state,
        LocalDate undertakingSignedOn,
        Set<String> regions,
        Map<String, LocalDate> certifications,
        boolean hasPhoto,
        Instant createdAt) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        regions = Set.copyOf(regions);
        certifications = Map.copyOf(certifications);
        Objects.requireNonNull(state, "state");
    }

    /** The account as the region policy sees it. */
    public Technician toTechnician() {
        return new Technician(id, regions, certifications, roles, state, undertakingSignedOn);
    }

    public boolean active() {
        return state == AccountState.ACTIVE;
    }

    /** The actor string of audit events for this person. */
    public String actor() {
        return "technician:" + id;
    }
}
