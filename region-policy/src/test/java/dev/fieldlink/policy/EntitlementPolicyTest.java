package dev.fieldlink.policy;

import static dev.fieldlink.policy.Fixtures.NOW;
import static dev.fieldlink.policy.Fixtures.POLICY;
import static dev.fieldlink.policy.Fixtures.TODAY;
import static dev.fieldlink.policy.Fixtures.machine;
import static dev.fieldlink.policy.Fixtures.teamLead;
import static dev.fieldlink.policy.Fixtures.technician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.fieldlink.policy.region.Region;
import dev.fieldlink.policy.region.RegionTree;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Role;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EntitlementPolicyTest {

    /** One row per case: what differs from the all-allowing fixture, the action, and the expected outcome. */
    static Stream<Arguments> table() {
        Technician t = technician();
        Machine m = machine();
        CustomerSwitches remoteOff = new CustomerSwitches(false, true, true);
        CustomerSwitches filesOff = new CustomerSwitches(true, false, true);
        return Stream.of(
                // allowed
                arguments("entitled technician lists", t, m, Action.LIST, null),
                arguments("entitled technician requests", t, m, Action.REQUEST_SESSION, null),
                arguments("entitled technician opens channel", t, m, Action.OPEN_CHANNEL, null),
                arguments("entitled technician transfers files", t, m, Action.FILE_TRANSFER, null),
                arguments("parent region covers child", t.withRegions(Set.of("EMEA")), m, Action.REQUEST_SESSION, null),
                arguments("exact region covers", t.withRegions(Set.of("DE")), m, Action.REQUEST_SESSION, null),
                arguments("one of several regions covers", t.withRegions(Set.of("US", "DE")), m, Action.LIST, null),
                arguments(
                        "certification valid on its last day",
                        t.withCertifications(Map.of("digital-cutter", TODAY)),
                        m,
                        Action.REQUEST_SESSION,
                        null),
                arguments(
                        "undertaking valid on its last day",
                        t.withUndertakingSignedOn(TODAY.minusYears(1).plusDays(1)),
                        m,
                        Action.LIST,
                        null),
                arguments("team lead views history of region", teamLead(), m, Action.VIEW_HISTORY, null),
                arguments(
                        "admin views history of region", t.withRoles(Set.of(Role.ADMIN)), m, Action.VIEW_HISTORY, null),
                arguments("switch off does not hide the machine", t, m.withSwitches(remoteOff), Action.LIST, null),
                arguments(
                        "history ignores the switch", teamLead(), m.withSwitches(remoteOff), Action.VIEW_HISTORY, null),
                arguments("requests need no file transfer", t, m.withSwitches(filesOff), Action.REQUEST_SESSION, null),
                // ACCOUNT_DISABLED
                arguments(
                        "disabled account lists",
                        t.withState(AccountState.DISABLED),
                        m,
                        Action.LIST,
                        DenyReason.ACCOUNT_DISABLED),
                arguments(
                        "disabled account opens",
                        t.withState(AccountState.DISABLED),
                        m,
                        Action.OPEN_CHANNEL,
                        DenyReason.ACCOUNT_DISABLED),
                arguments(
                        "disabled team lead",
                        teamLead().withState(AccountState.DISABLED),
                        m,
                        Action.VIEW_HISTORY,
                        DenyReason.ACCOUNT_DISABLED),
                // UNDERTAKING_MISSING / UNDERTAKING_EXPIRED
                arguments(
                        "no undertaking",
                        t.withUndertakingSignedOn(null),
                        m,
                        Action.LIST,
                        DenyReason.UNDERTAKING_MISSING),
                arguments(
                        "no undertaking, team lead",
                        teamLead().withUndertakingSignedOn(null),
                        m,
                        Action.VIEW_HISTORY,
                        DenyReason.UNDERTAKING_MISSING),
                arguments(
                        "undertaking a year old",
                        t.withUndertakingSignedOn(TODAY.minusYears(1)),
                        m,
                        Action.REQUEST_SESSION,
                        DenyReason.UNDERTAKING_EXPIRED),
                arguments(
                        "undertaking long expired",
                        t.withUndertakingSignedOn(LocalDate.parse("2020-01-01")),
                        m,
                        Action.LIST,
                        DenyReason.UNDERTAKING_EXPIRED),
                // ROLE
                arguments("team lead cannot request", teamLead(), m, Action.REQUEST_SESSION, DenyReason.ROLE),
                arguments("team lead cannot list", teamLead(), m, Action.LIST, DenyReason.ROLE),
                arguments(
                        "trainer cannot open",
                        t.withRoles(Set.of(Role.TRAINER)),
                        m,
                        Action.OPEN_CHANNEL,
                        DenyReason.ROLE),
                arguments(
                        "admin cannot request",
                        t.withRoles(Set.of(Role.ADMIN)),
                        m,
                        Action.REQUEST_SESSION,
                        DenyReason.ROLE),
                arguments("technician cannot view history", t, m, Action.VIEW_HISTORY, DenyReason.ROLE),
                arguments("no roles at all", t.withRoles(Set.of()), m, Action.LIST, DenyReason.ROLE),
                // REGION
                arguments("other region", t.withRegions(Set.of("US")), m, Action.LIST, DenyReason.REGION),
                arguments("sibling region", t.withRegions(Set.of("AT")), m, Action.REQUEST_SESSION, DenyReason.REGION),
                arguments(
                        "child does not cover parent",
                        t.withRegions(Set.of("DE")),
                        machineIn("DACH"),
                        Action.LIST,
                        DenyReason.REGION),
                arguments("no regions", t.withRegions(Set.of()), m, Action.OPEN_CHANNEL, DenyReason.REGION),
                arguments("unknown held region", t.withRegions(Set.of("ATLANTIS")), m, Action.LIST, DenyReason.REGION),
                arguments(
                        "machine in unknown region",
                        t.withRegions(Set.of("EMEA")),
                        machineIn("XX"),
                        Action.LIST,
                        DenyReason.REGION),
                arguments(
                        "team lead of other region",
                        teamLead().withRegions(Set.of("AMERICAS")),
                        m,
                        Action.VIEW_HISTORY,
                        DenyReason.REGION),
                // PRODUCT_LINE
                arguments(
                        "other product line",
                        t.withCertifications(Map.of("printing-press", TODAY.plusYears(1))),
                        m,
                        Action.LIST,
                        DenyReason.PRODUCT_LINE),
                arguments(
                        "no certification at all",
                        t.withCertifications(Map.of()),
                        m,
                        Action.REQUEST_SESSION,
                        DenyReason.PRODUCT_LINE),
                arguments(
                        "machine of unknown product line",
                        t,
                        machineOfLine("laser-cutter"),
                        Action.LIST,
                        DenyReason.PRODUCT_LINE),
                // CERTIFICATION_EXPIRED
                arguments(
                        "certification expired yesterday",
                        t.withCertifications(Map.of("digital-cutter", TODAY.minusDays(1))),
                        m,
                        Action.REQUEST_SESSION,
                        DenyReason.CERTIFICATION_EXPIRED),
                arguments(
                        "expired certification hides",
                        t.withCertifications(Map.of("digital-cutter", TODAY.minusYears(2))),
                        m,
                        Action.LIST,
                        DenyReason.CERTIFICATION_EXPIRED),
                // SWITCH_OFF
                arguments(
                        "remote service off, request",
                        t,
                        m.withSwitches(remoteOff),
                        Action.REQUEST_SESSION,
                        DenyReason.SWITCH_OFF),
                arguments(
                        "remote service off, channel",
                        t,
                        m.withSwitches(remoteOff),
                        Action.OPEN_CHANNEL,
                        DenyReason.SWITCH_OFF),
                arguments(
                        "remote service off, files",
                        t,
                        m.withSwitches(remoteOff),
                        Action.FILE_TRANSFER,
                        DenyReason.SWITCH_OFF),
                arguments(
                        "file transfer off", t, m.withSwitches(filesOff), Action.FILE_TRANSFER, DenyReason.SWITCH_OFF),
                arguments(
                        "all switches off",
                        t,
                        m.withSwitches(CustomerSwitches.ALL_OFF),
                        Action.OPEN_CHANNEL,
                        DenyReason.SWITCH_OFF),
                // the first failing check is the reason
                arguments(
                        "disabled beats region",
                        t.withState(AccountState.DISABLED).withRegions(Set.of()),
                        m,
                        Action.LIST,
                        DenyReason.ACCOUNT_DISABLED),
                arguments(
                        "region beats product line",
                        t.withRegions(Set.of("US")).withCertifications(Map.of()),
                        m,
                        Action.LIST,
                        DenyReason.REGION),
                arguments(
                        "certification beats switch",
                        t.withCertifications(Map.of("digital-cutter", TODAY.minusDays(1))),
                        m.withSwitches(remoteOff),
                        Action.REQUEST_SESSION,
                        DenyReason.CERTIFICATION_EXPIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides_asTheTableSays(
            String name, Technician technician, Machine machine, Action action, DenyReason expected) {
        Decision decision = POLICY.decide(technician, machine, action, NOW);

        assertThat(decision.allowed()).as(decision.detail()).isEqualTo(expected == null);
        assertThat(decision.reason()).isEqualTo(expected);
        assertThat(decision.detail()).isNotBlank();
    }

    @Test
    void theTableCoversEveryReasonAndEveryAction() {
        Set<DenyReason> reasons = EnumSet.noneOf(DenyReason.class);
        Set<Action> allowedActions = EnumSet.noneOf(Action.class);
        Set<Action> deniedActions = EnumSet.noneOf(Action.class);
        table().forEach(row -> {
            Object[] args = row.get();
            if (args[4] == null) {
                allowedActions.add((Action) args[3]);
            } else {
                reasons.add((DenyReason) args[4]);
                deniedActions.add((Action) args[3]);
            }
        });
        assertThat(reasons).containsExactlyInAnyOrder(DenyReason.values());
        assertThat(allowedActions).containsExactlyInAnyOrder(Action.values());
        assertThat(deniedActions).containsExactlyInAnyOrder(Action.values());
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void deniedDetail_namesTheFacts(Action action) {
        Decision decision = POLICY.decide(technician().withRegions(Set.of("US")), machine(), action, NOW);

        assertThat(decision.denied()).isTrue();
        if (decision.reason() == DenyReason.REGION) {
            assertThat(decision.detail()).contains("EMEA > DACH > DE").contains("US");
        }
    }

    @Test
    void certificationDates_areDaysInThePolicyZone() {
        EntitlementPolicy tokyo = new EntitlementPolicy(
                POLICY.regions(), POLICY.productLines(), Period.ofYears(1), ZoneId.of("Asia/Tokyo"));
        Technician expiresToday = technician().withCertifications(Map.of("digital-cutter", TODAY));
        // 2026-11-23T16:00Z is already 2026-11-24 in Tokyo.
        var late = NOW.plusSeconds(6 * 3600);

        assertThat(POLICY.decide(expiresToday, machine(), Action.LIST, late).allowed())
                .isTrue();
        assertThat(tokyo.decide(expiresToday, machine(), Action.LIST, late).reason())
                .isEqualTo(DenyReason.CERTIFICATION_EXPIRED);
    }

    @Test
    void undertakingValidity_followsThePolicy() {
        EntitlementPolicy halfYear =
                new EntitlementPolicy(POLICY.regions(), POLICY.productLines(), Period.ofMonths(6), ZoneId.of("UTC"));
        Technician signedInMarch = technician();

        assertThat(halfYear.undertakingValidUntil(signedInMarch)).contains(LocalDate.parse("2026-08-31"));
        assertThat(halfYear.decide(signedInMarch, machine(), Action.LIST, NOW).reason())
                .isEqualTo(DenyReason.UNDERTAKING_EXPIRED);
        assertThat(POLICY.undertakingValidUntil(signedInMarch)).contains(LocalDate.parse("2027-02-28"));
        assertThat(halfYear.undertakingValid(signedInMarch, java.time.Instant.parse("2026-08-31T23:59:59Z")))
                .isTrue();
        assertThat(halfYear.undertakingValid(signedInMarch, java.time.Instant.parse("2026-09-01T00:00:00Z")))
                .isFalse();
    }

    @Test
    void coveredRegions_expandTheSubtrees() {
        assertThat(POLICY.coveredRegions(technician().withRegions(Set.of("DACH", "US"))))
                .containsExactlyInAnyOrder("DACH", "DE", "AT", "CH", "US");
        assertThat(POLICY.coveredRegions(technician().withRegions(Set.of("ATLANTIS"))))
                .isEmpty();
    }

    @Test
    void problems_nameUndefinedRegionsAndProductLines() {
        Technician odd =
                technician().withRegions(Set.of("DACH", "ATLANTIS")).withCertifications(Map.of("laser-cutter", TODAY));

        assertThat(POLICY.problems(odd))
                .containsExactly(
                        "region 'ATLANTIS' is not in the region tree", "product line 'laser-cutter' is not defined");
        assertThat(POLICY.problems(technician())).isEmpty();
        assertThat(POLICY.problems(machineIn("XX"))).containsExactly("region 'XX' is not in the region tree");
    }

    @Test
    void explain_listsEveryCheck_andTheDecisionPerAction() {
        Technician lapsed = technician().withCertifications(Map.of("digital-cutter", TODAY.minusDays(3)));

        Explanation explanation = POLICY.explain(lapsed, machine(), NOW);

        assertThat(explanation.visible()).isFalse();
        assertThat(explanation.findings())
                .extracting(Explanation.Finding::check)
                .containsExactly(DenyReason.values());
        assertThat(explanation.findings())
                .filteredOn(f -> !f.passed())
                .extracting(Explanation.Finding::check)
                .containsExactly(DenyReason.CERTIFICATION_EXPIRED);
        assertThat(explanation.decisions()).containsOnlyKeys(Action.values());
        assertThat(explanation.toText())
                .contains("t-anna does not see machine m-1")
                .contains("DENY  CERTIFICATION_EXPIRED")
                .contains("expired after 2026-11-20")
                .contains("ok    REGION")
                .contains("EMEA > DACH > DE is covered by DACH");
    }

    @Test
    void explain_ofAnEntitledTechnician_saysSees() {
        Explanation explanation = POLICY.explain(technician(), machine(), NOW);

        assertThat(explanation.visible()).isTrue();
        assertThat(explanation.findings()).allMatch(Explanation.Finding::passed);
        assertThat(explanation.toText()).startsWith("t-anna sees machine m-1");
    }

    @Test
    void duplicateProductLines_areRefused() {
        RegionTree tree = new RegionTree(List.of(new Region("EU", "Europe", null)));
        List<ProductLine> lines = List.of(new ProductLine("a", "A"), new ProductLine("a", "again"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EntitlementPolicy(tree, lines))
                .hasMessage("product line 'a' is defined twice");
    }

    private static Machine machineIn(String region) {
        Machine m = machine();
        return new Machine(
                m.id(), m.serial(), m.customer(), m.site(), region, m.productLine(), m.model(), m.switches());
    }

    private static Machine machineOfLine(String productLine) {
        Machine m = machine();
        return new Machine(
                m.id(), m.serial(), m.customer(), m.site(), m.region(), productLine, m.model(), m.switches());
    }
}
