package dev.fieldlink.policy;

import dev.fieldlink.policy.region.RegionTree;
import dev.fieldlink.protocol.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides who may do what with which machine. Deny by default: an action is allowed only when every check listed
 * for it passes, and each action lists its checks explicitly.
 *
 * <table>
 * <caption>Checks per action, in the order they run (the first failure is the reason)</caption>
 * <tr><th>action</th><th>checks</th></tr>
 * <tr><td>LIST</td><td>account, undertaking, role TECHNICIAN, region, product line, certification</td></tr>
 * <tr><td>REQUEST_SESSION, OPEN_CHANNEL</td><td>as LIST, then the remote-service switch</td></tr>
 * <tr><td>FILE_TRANSFER</td><td>as LIST, then the remote-service and file-transfer switches</td></tr>
 * <tr><td>VIEW_HISTORY</td><td>account, undertaking, role TEAM_LEAD or ADMIN, region</td></tr>
 * </table>
 *
 * <p>Dates (certification expiry, undertaking validity) are whole days in {@link #zone()}; a certification is valid
 * through its expiry day. Immutable and thread-safe.
 */
public final class EntitlementPolicy {
    /** How long a signed undertaking stays valid unless the policy file says otherwise. */
    public static final Period DEFAULT_UNDERTAKING_VALIDITY = Period.ofYears(1);

    private final RegionTree regions;
    private final Map<String, ProductLine> productLines;
    private final Period undertakingValidity;
    private final ZoneId zone;

    public EntitlementPolicy(
            RegionTree regions, Collection<ProductLine> productLines, Period undertakingValidity, ZoneId zone) {
        this.regions = Objects.requireNonNull(regions, "regions");
        Map<String, ProductLine> lines = new LinkedHashMap<>();
        for (ProductLine line : productLines) {
            if (lines.put(line.id(), line) != null) {
                throw new IllegalArgumentException("product line '" + line.id() + "' is defined twice");
            }
        }
        this.productLines = Collections.unmodifiableMap(lines);
        this.undertakingValidity = Objects.requireNonNull(undertakingValidity, "undertakingValidity");
        if (undertakingValidity.isNegative() || undertakingValidity.isZero()) {
            throw new IllegalArgumentException("the undertaking validity must be positive");
        }
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A policy with the default undertaking validity, dates in UTC. */
    public EntitlementPolicy(RegionTree regions, Collection<ProductLine> productLines) {
        this(regions, productLines, DEFAULT_UNDERTAKING_VALIDITY, ZoneOffset.UTC);
    }

    public RegionTree regions() {
        return regions;
    }

    public Collection<ProductLine> productLines() {
        return productLines.values();
    }

    public Optional<ProductLine> productLine(String id) {
        return Optional.ofNullable(id == null ? null : productLines.get(id));
    }

    public Period undertakingValidity() {
        return undertakingValidity;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Allow, or deny with the reason of the first check that fails. */
    public Decision decide(Technician technician, Machine machine, Action action, Instant now) {
        Objects.requireNonNull(technician, "technician");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(action, "action");
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (DenyReason check : checks(action)) {
            Decision decision = check(check, action, technician, machine, today);
            if (decision.denied()) {
                return decision;
            }
        }
        return Decision.allow();
    }

    /** Every check for every action, passed or not, and the decision per action. */
    public Explanation explain(Technician technician, Machine machine, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Explanation.Finding> findings = new ArrayList<>();
        for (DenyReason check : DenyReason.values()) {
            Decision decision = check(check, Action.REQUEST_SESSION, technician, machine, today);
            findings.add(new Explanation.Finding(check, decision.allowed(), decision.detail()));
        }
        Map<Action, Decision> decisions = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            decisions.put(action, decide(technician, machine, action, now));
        }
        return new Explanation(technician.id(), machine.id(), now, findings, decisions);
    }

    /** Every region whose machines the person's regions cover (for filtering lists in a query). */
    public Set<String> coveredRegions(Technician technician) {
        return regions.covered(technician.regions());
    }

    /** The last day the person's undertaking is valid, or empty when none is on record. */
    public Optional<LocalDate> undertakingValidUntil(Technician technician) {
        return Optional.ofNullable(technician.undertakingSignedOn())
                .map(signed -> signed.plus(undertakingValidity).minusDays(1));
    }

    /** Whether the person's undertaking is on record and still valid on the day of {@code now} (policy's zone). */
    public boolean undertakingValid(Technician technician, java.time.Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone());
        return undertakingValidUntil(technician)
                .filter(until -> !until.isBefore(today))
                .isPresent();
    }

    /** Regions and product lines the person refers to that this policy does not define; empty when consistent. */
    public List<String> problems(Technician technician) {
        List<String> problems = new ArrayList<>();
        new TreeSet<>(technician.regions())
                .stream()
                        .filter(r -> !regions.contains(r))
                        .forEach(r -> problems.add("region '" + r + "' is not in the region tree"));
        new TreeSet<>(technician.certifications().keySet())
                .stream()
                        .filter(p -> !productLines.containsKey(p))
                        .forEach(p -> problems.add("product line '" + p + "' is not defined"));
        return problems;
    }

    /** The machine's region and product line, if this policy does not define them; empty when consistent. */
    public List<String> problems(Machine machine) {
        List<String> problems = new ArrayList<>();
        if (!regions.contains(machine.region())) {
            problems.add("region '" + machine.region() + "' is not in the region tree");
        }
        if (!productLines.containsKey(machine.productLine())) {
            problems.add("product line '" + machine.productLine() + "' is not defined");
        }
        return problems;
    }

    private static List<DenyReason> checks(Action action) {
        List<DenyReason> technicianWork = List.of(
                DenyReason.ACCOUNT_DISABLED,
                DenyReason.UNDERTAKING_MISSING,
                DenyReason.UNDERTAKING_EXPIRED,
                DenyReason.ROLE,
                DenyReason.REGION,
                DenyReason.PRODUCT_LINE,
                DenyReason.CERTIFICATION_EXPIRED);
        return switch (action) {
            case LIST -> technicianWork;
            case REQUEST_SESSION, OPEN_CHANNEL, FILE_TRANSFER -> append(technicianWork, DenyReason.SWITCH_OFF);
            case VIEW_HISTORY ->
                List.of(
                        DenyReason.ACCOUNT_DISABLED,
                        DenyReason.UNDERTAKING_MISSING,
                        DenyReason.UNDERTAKING_EXPIRED,
                        DenyReason.ROLE,
                        DenyReason.REGION);
        };
    }

    private static List<DenyReason> append(List<DenyReason> list, DenyReason last) {
        List<DenyReason> out = new ArrayList<>(list);
        out.add(last);
        return List.copyOf(out);
    }

    private static Set<Role> rolesFor(Action action) {
        return switch (action) {
            case LIST, REQUEST_SESSION, OPEN_CHANNEL, FILE_TRANSFER -> Set.of(Role.TECHNICIAN);
            case VIEW_HISTORY -> Set.of(Role.TEAM_LEAD, Role.ADMIN);
        };
    }

    private Decision check(DenyReason check, Action action, Technician t, Machine m, LocalDate today) {
        return switch (check) {
            case ACCOUNT_DISABLED ->
                t.state() == AccountState.ACTIVE
                        ? Decision.allow()
                        : Decision.deny(
                                check, "the account is " + t.state().name().toLowerCase(Locale.ROOT));
            case UNDERTAKING_MISSING ->
                t.undertakingSignedOn() != null
                        ? Decision.allow()
                        : Decision.deny(check, "no security and privacy undertaking is on record");
            case UNDERTAKING_EXPIRED -> undertaking(t, today);
            case ROLE -> role(t, action);
            case REGION -> region(t, m);
            case PRODUCT_LINE -> productLine(t, m);
            case CERTIFICATION_EXPIRED -> certification(t, m, today);
            case SWITCH_OFF -> switches(m, action);
        };
    }

    private Decision undertaking(Technician t, LocalDate today) {
        Optional<LocalDate> validUntil = undertakingValidUntil(t);
        if (validUntil.isEmpty()) {
            return Decision.deny(DenyReason.UNDERTAKING_EXPIRED, "no undertaking on record, so none is valid");
        }
        if (today.isAfter(validUntil.get())) {
            return Decision.deny(
                    DenyReason.UNDERTAKING_EXPIRED,
                    "the undertaking signed on " + t.undertakingSignedOn() + " was valid until " + validUntil.get()
                            + "; it must be renewed");
        }
        return Decision.allow("undertaking signed on " + t.undertakingSignedOn() + ", valid until " + validUntil.get());
    }

    private static Decision role(Technician t, Action action) {
        Set<Role> needed = rolesFor(action);
        if (t.roles().stream().anyMatch(needed::contains)) {
            return Decision.allow("holds " + new TreeSet<>(t.roles()));
        }
        return Decision.deny(
                DenyReason.ROLE, action + " needs role " + oneOf(needed) + "; holds " + new TreeSet<>(t.roles()));
    }

    private Decision region(Technician t, Machine m) {
        if (!regions.contains(m.region())) {
            return Decision.deny(
                    DenyReason.REGION, "the machine's region '" + m.region() + "' is not in the region tree");
        }
        return regions.coveringRegion(t.regions(), m.region())
                .map(held -> Decision.allow("machine region " + regions.path(m.region()) + " is covered by " + held))
                .orElseGet(() -> Decision.deny(
                        DenyReason.REGION,
                        "machine region " + regions.path(m.region()) + " is not covered by "
                                + new TreeSet<>(t.regions())));
    }

    private Decision productLine(Technician t, Machine m) {
        if (!productLines.containsKey(m.productLine())) {
            return Decision.deny(
                    DenyReason.PRODUCT_LINE, "the machine's product line '" + m.productLine() + "' is not defined");
        }
        if (!t.certifications().containsKey(m.productLine())) {
            return Decision.deny(
                    DenyReason.PRODUCT_LINE,
                    "no certification for product line " + m.productLine() + "; holds "
                            + new TreeSet<>(t.certifications().keySet()));
        }
        return Decision.allow("certified for product line " + m.productLine());
    }

    private static Decision certification(Technician t, Machine m, LocalDate today) {
        LocalDate expires = t.certifications().get(m.productLine());
        if (expires == null) {
            return Decision.deny(
                    DenyReason.CERTIFICATION_EXPIRED, "no certification for " + m.productLine() + ", so none is valid");
        }
        if (today.isAfter(expires)) {
            return Decision.deny(
                    DenyReason.CERTIFICATION_EXPIRED,
                    "the certification for " + m.productLine() + " expired after " + expires);
        }
        return Decision.allow("the certification for " + m.productLine() + " is valid until " + expires);
    }

    private static Decision switches(Machine m, Action action) {
        if (!m.switches().remoteService()) {
            return Decision.deny(DenyReason.SWITCH_OFF, "the customer has switched remote service off");
        }
        if (action == Action.FILE_TRANSFER && !m.switches().fileTransfer()) {
            return Decision.deny(DenyReason.SWITCH_OFF, "the customer has switched file transfer off");
        }
        return Decision.allow(
                action == Action.FILE_TRANSFER ? "remote service and file transfer are on" : "remote service is on");
    }

    private static String oneOf(Set<Role> roles) {
        return String.join(" or ", new TreeSet<>(roles).stream().map(Role::name).toList());
    }
}
