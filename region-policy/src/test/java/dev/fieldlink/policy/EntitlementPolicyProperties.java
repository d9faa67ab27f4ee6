package dev.fieldlink.policy;

import static dev.fieldlink.policy.Fixtures.NOW;
import static dev.fieldlink.policy.Fixtures.POLICY;
import static dev.fieldlink.policy.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.policy.region.Region;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Role;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EntitlementPolicyProperties {
    private static final List<String> REGIONS =
            POLICY.regions().regions().stream().map(Region::id).toList();
    private static final List<String> LINES =
            POLICY.productLines().stream().map(ProductLine::id).toList();

    @Property
    void addingARegion_neverHidesAMachine(
            @ForAll("technicians") Technician technician,
            @ForAll("machines") Machine machine,
            @ForAll Action action,
            @ForAll("regionIds") String extra) {
        Set<String> more = new HashSet<>(technician.regions());
        more.add(extra);

        boolean before = POLICY.decide(technician, machine, action, NOW).allowed();
        boolean after = POLICY.decide(technician.withRegions(more), machine, action, NOW)
                .allowed();

        assertThat(!before || after)
                .as("allowed before adding %s, denied after", extra)
                .isTrue();
    }

    @Property
    void anExpiredCertification_neverAllows(
            @ForAll("technicians") Technician technician,
            @ForAll("machines") Machine machine,
            @ForAll("workOnMachines") Action action,
            @ForAll("daysAgo") int daysAgo) {
        Map<String, LocalDate> certifications = new HashMap<>(technician.certifications());
        certifications.put(machine.productLine(), TODAY.minusDays(daysAgo));
        Technician lapsed = technician.withCertifications(certifications);

        Decision decision = POLICY.decide(lapsed, machine, action, NOW);

        assertThat(decision.allowed()).as(decision.detail()).isFalse();
    }

    @Property
    void noTechnicianWithoutTheRegion_seesTheMachine(
            @ForAll("technicians") Technician technician, @ForAll("machines") Machine machine, @ForAll Action action) {
        Set<String> notCovering = new HashSet<>(technician.regions());
        notCovering.removeIf(held -> POLICY.regions().covers(held, machine.region()));

        Decision decision = POLICY.decide(technician.withRegions(notCovering), machine, action, NOW);

        assertThat(decision.allowed()).isFalse();
    }

    @Property
    void everyDenial_hasAReason_andExplainAgrees(
            @ForAll("technicians") Technician technician, @ForAll("machines") Machine machine, @ForAll Action action) {
        Decision decision = POLICY.decide(technician, machine, action, NOW);

        assertThat(decision.reason() == null).isEqualTo(decision.allowed());
        assertThat(POLICY.explain(technician, machine, NOW).decisions().get(action))
                .isEqualTo(decision);
    }

    @Property
    void aDisabledAccount_neverAllows(
            @ForAll("technicians") Technician technician, @ForAll("machines") Machine machine, @ForAll Action action) {
        Decision decision = POLICY.decide(technician.withState(AccountState.DISABLED), machine, action, NOW);

        assertThat(decision.reason()).isEqualTo(DenyReason.ACCOUNT_DISABLED);
    }

    @Provide
    Arbitrary<String> regionIds() {
        return Arbitraries.of(REGIONS);
    }

    @Provide
    Arbitrary<Integer> daysAgo() {
        return Arbitraries.integers().between(1, 3000);
    }

    @Provide
    Arbitrary<Action> workOnMachines() {
        return Arbitraries.of(Action.LIST, Action.REQUEST_SESSION, Action.OPEN_CHANNEL, Action.FILE_TRANSFER);
    }

    @Provide
    Arbitrary<Technician> technicians() {
        Arbitrary<Set<String>> regions = Arbitraries.of(REGIONS).set().ofMaxSize(3);
        Arbitrary<Map<String, LocalDate>> certifications = Arbitraries.maps(
                        Arbitraries.of(LINES),
                        Arbitraries.integers().between(-400, 400).map(TODAY::plusDays))
                .ofMaxSize(LINES.size());
        Arbitrary<Set<Role>> roles = Arbitraries.of(Role.class).set();
        Arbitrary<AccountState> states = Arbitraries.of(AccountState.class);
        Arbitrary<LocalDate> undertakings =
                Arbitraries.integers().between(0, 500).map(TODAY::minusDays).injectNull(0.1);
        return Combinators.combine(regions, certifications, roles, states, undertakings)
                .as((r, c, ro, s, u) -> new Technician("t", r, c, ro, s, u));
    }

    @Provide
    Arbitrary<Machine> machines() {
        Arbitrary<String> regions = Arbitraries.of(REGIONS);
        Arbitrary<String> lines = Arbitraries.of(LINES);
        Arbitrary<CustomerSwitches> switches = Combinators.combine(
                        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(CustomerSwitches::new);
        return Combinators.combine(regions, lines, switches)
                .as((r, l, s) -> new Machine("m", "S-1", "Customer", "Site", r, l, "Model", s));
    }
}
