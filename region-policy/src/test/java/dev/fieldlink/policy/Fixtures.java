package dev.fieldlink.policy;

import dev.fieldlink.policy.file.PolicyFile;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** A policy, a technician and a machine that allow everything; tests change one fact at a time. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    static final EntitlementPolicy POLICY = PolicyFile.defaults();
    static final CustomerSwitches ALL_ON = new CustomerSwitches(true, true, true);

    private Fixtures() {}

    /** A DACH technician certified for digital cutters until next year, undertaking signed this spring. */
    static Technician technician() {
        return new Technician(
                "t-anna",
                Set.of("DACH"),
                Map.of("digital-cutter", TODAY.plusYears(1)),
                Set.of(Role.TECHNICIAN),
                AccountState.ACTIVE,
                LocalDate.parse("2026-03-01"));
    }

    static Technician teamLead() {
        return technician().withRoles(Set.of(Role.TEAM_LEAD)).withCertifications(Map.of());
    }

    /** A digital cutter in Germany with every customer switch on. */
    static Machine machine() {
        return new Machine("m-1", "DC-0001", "Druckhaus Nord", "Hamburg", "DE", "digital-cutter", "DC-3200", ALL_ON);
    }
}
