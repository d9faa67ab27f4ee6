package dev.fieldlink.relay.admin;

import dev.fieldlink.protocol.Role;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Changes to an account; null fields stay as they are.
 *
 * @param certifications replaces all certifications when not null
 * @param regions replaces all regions when not null
 * @param password a new password when not null
 */
public record UserUpdate(
        String displayName,
        String company,
        Set<Role> roles,
        Set<String> regions,
        Map<String, LocalDate> certifications,
        String password) {
    /** No change. */
    public static UserUpdate none() {
        return new UserUpdate(null, null, null, null, null, null);
    }

    public UserUpdate withRegions(Set<String> r) {
        return new UserUpdate(displayName, company, roles, r, certifications, password);
    }

    public UserUpdate withCertifications(Map<String, LocalDate> c) {
        return new UserUpdate(displayName, company, roles, regions, c, password);
    }

    public UserUpdate withRoles(Set<Role> r) {
        return new UserUpdate(displayName, company, r, regions, certifications, password);
    }

    @Override
    public String toString() {
        return "UserUpdate[roles=" + roles + ", regions=" + regions + ", certifications=" + certifications
                + ", password=" + (password == null ? "unchanged" : "***") + "]";
    }
}
