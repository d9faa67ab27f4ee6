package dev.fieldlink.relay.machine;

import static dev.fieldlink.protocol.audit.AuditEventTypes.ACCESS_DENIED;

import dev.fieldlink.policy.Action;
import dev.fieldlink.policy.Decision;
import dev.fieldlink.policy.EntitlementPolicy;
import dev.fieldlink.policy.Technician;
import dev.fieldlink.protocol.api.MachineView;
import dev.fieldlink.protocol.api.Page;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;
import dev.fieldlink.relay.account.Account;
import dev.fieldlink.relay.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The machines a person may see: the database pre-filters by covered regions and certified product lines, the policy
 * decides per machine ({@link Action#LIST}), and the online state comes from the live agent connections. A machine
 * the person may not see answers exactly like an unknown one; a denied lookup by id is audited. Thread-safe.
 */
public final class MachineDirectory {
    private final MachineRepository machines;
    private final EntitlementPolicy policy;
    private final AgentGateway agents;
    private final AuditLog audit;
    private final Clock clock;

    public MachineDirectory(
            MachineRepository machines, EntitlementPolicy policy, AgentGateway agents, AuditLog audit, Clock clock) {
        this.machines = machines;
        this.policy = policy;
        this.agents = agents;
        this.audit = audit;
        this.clock = clock;
    }

    /** One page of the machines {@code caller} may see. */
    public Page<MachineView> list(Account caller, MachineQuery query) {
        Technician t = caller.toTechnician();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, policy.zone());
        Set<String> lines = t.certifications().entrySet().stream()
                .filter(e -> !e.getValue().isBefore(today))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<String> online = agents.onlineMachines();
        List<MachineView> visible = new ArrayList<>();
        for (MachineRecord m : machines.listIn(policy.coveredRegions(t), lines)) {
            if (policy.decide(t, m.toPolicy(), Action.LIST, now).denied() || !matches(m, query, online)) {
                continue;
            }
            visible.add(m.toView(online.contains(m.id())));
        }
        visible.sort(comparator(query.sort()));
        int from = Math.min(query.offset(), visible.size());
        int to = Math.min(visible.size(), from + query.limit());
        return new Page<>(visible.subList(from, to), visible.size(), query.offset(), query.limit());
    }

    /**
     * One machine, if {@code caller} may see it.
     *
     * @throws FieldlinkException {@code not-found} for unknown and invisible machines alike (the denial is audited)
     */
    public MachineView get(Account caller, String id) {
        return find(caller, id)
                .map(m -> m.toView(agents.isOnline(m.id())))
                .orElseThrow(() -> new FieldlinkException(ProblemType.NOT_FOUND, "no machine " + id));
    }

    /** Whether the machine exists and lies in one of {@code regions} (no audit: for filtering what is shown). */
    public boolean inRegions(String machineId, Set<String> regions) {
        return machines.find(machineId).map(m -> regions.contains(m.region())).orElse(false);
    }

    /** The machine if {@code caller} may see it; a denial (or unknown id) is audited. */
    public Optional<MachineRecord> find(Account caller, String id) {
        Optional<MachineRecord> m = id == null || id.length() > 64 ? Optional.empty() : machines.find(id);
        Decision d = m.map(x -> policy.decide(caller.toTechnician(), x.toPolicy(), Action.LIST, clock.instant()))
                .orElse(null);
        if (d == null || d.denied()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("action", Action.LIST.name());
            details.put("reason", d == null ? "UNKNOWN_MACHINE" : d.reason().name());
            details.put("detail", d == null ? "no such machine" : d.detail());
            audit.record(ACCESS_DENIED, caller.actor(), "machine:" + truncate(id), details);
            return Optional.empty();
        }
        return m;
    }

    private boolean matches(MachineRecord m, MachineQuery q, Set<String> online) {
        if (q.productLine() != null && !q.productLine().equals(m.productLine())) {
            return false;
        }
        if (q.region() != null && !policy.regions().covers(q.region(), m.region())) {
            return false;
        }
        if (q.online() != null && q.online() != online.contains(m.id())) {
            return false;
        }
        if (q.q() != null) {
            String hay = String.join(
                            "\n", m.id(), nz(m.serial()), nz(m.name()), nz(m.customer()), nz(m.site()), nz(m.model()))
                    .toLowerCase(Locale.ROOT);
            return hay.contains(q.q());
        }
        return true;
    }

    private static Comparator<MachineView> comparator(String sort) {
        Comparator<MachineView> byId = Comparator.comparing(MachineView::id);
        return switch (sort) {
            case "id" -> byId;
            case "customer" ->
                Comparator.comparing((MachineView v) -> nz(v.customer())).thenComparing(byId);
            case "region" ->
                Comparator.comparing((MachineView v) -> nz(v.region())).thenComparing(byId);
            case "lastSeen" ->
                Comparator.comparing(MachineView::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(byId);
            default ->
                Comparator.comparing((MachineView v) -> nz(v.name()).toLowerCase(Locale.ROOT))
                        .thenComparing(byId);
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String truncate(String id) {
        return id == null ? "" : id.length() > 64 ? id.substring(0, 64) : id;
    }
}
