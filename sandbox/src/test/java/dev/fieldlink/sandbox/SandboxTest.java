package dev.fieldlink.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.screen.simulated.Fault;
import dev.fieldlink.agent.screen.simulated.MachineProfile;
import dev.fieldlink.auth.password.PasswordRules;
import dev.fieldlink.policy.EntitlementPolicy;
import dev.fieldlink.policy.file.PolicyFile;
import dev.fieldlink.protocol.api.HistoryEntry;
import dev.fieldlink.protocol.api.MachineView;
import dev.fieldlink.protocol.api.Page;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.sandbox.SandboxMachine.Behaviour;
import dev.fieldlink.testing.Poll;
import java.awt.GraphicsEnvironment;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One sandbox for the class, used through the relay's real HTTPS API as a console would. */
class SandboxTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration CONSENT_TIMEOUT = Duration.ofSeconds(3);
    private static final EntitlementPolicy POLICY = PolicyFile.defaults();
    private static final TypeReference<Page<MachineView>> MACHINES = new TypeReference<>() {};
    private static final TypeReference<Page<HistoryEntry>> HISTORY = new TypeReference<>() {};

    private static RunningSandbox sandbox;
    private static RelayApi api;
    private static String anna;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(SandboxOptions.defaults()
                .withConsentDelay(Duration.ofMillis(200))
                .withConsentTimeout(CONSENT_TIMEOUT));
        api = new RelayApi(sandbox);
        anna = api.login("anna.dach");
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void fleet_hasTwelveMachines_inThreeRegions_andThreeLines_withOneOfEachSpecialBehaviour() {
        List<SandboxMachine> fleet = sandbox.machines();

        assertThat(fleet).hasSizeGreaterThanOrEqualTo(12);
        Set<String> topRegions = fleet.stream()
                .map(m -> Set.of("EMEA", "AMERICAS", "APAC").stream()
                        .filter(top -> POLICY.regions().covers(top, m.region()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(m.id() + " is in no region of the policy")))
                .collect(Collectors.toSet());
        assertThat(topRegions).hasSize(3);
        assertThat(fleet.stream().map(SandboxMachine::productLine).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("digital-cutter", "printing-press", "packaging-line");
        Map<Behaviour, Long> counts =
                fleet.stream().collect(Collectors.groupingBy(SandboxMachine::behaviour, Collectors.counting()));
        assertThat(counts)
                .containsEntry(Behaviour.OFFLINE, 1L)
                .containsEntry(Behaviour.REMOTE_SERVICE_OFF, 1L)
                .containsEntry(Behaviour.DECLINES, 1L)
                .containsEntry(Behaviour.NEVER_ANSWERS, 1L);
        assertThat(counts.get(Behaviour.APPROVES)).isEqualTo(fleet.size() - 4L);
        assertThat(fleet).anySatisfy(m -> assertThat(m.faults()).isNotEmpty());
        assertThat(fleet.stream().map(SandboxMachine::id).distinct()).hasSameSizeAs(fleet);
        fleet.forEach(m -> assertThat(POLICY.productLine(m.productLine())).isPresent());
    }

    @Test
    void everyMachine_showsTheHmiOfItsProductLine_withFaultsThatHmiKnows() {
        Map<String, ScreenSettings.Model> hmiOfLine = Map.of(
                "digital-cutter", ScreenSettings.Model.CUTTER,
                "printing-press", ScreenSettings.Model.PRESS,
                "packaging-line", ScreenSettings.Model.PACKAGING);
        for (Fleet.Entry e : Fleet.machines()) {
            assertThat(e.hmi())
                    .as(e.machine().id())
                    .isEqualTo(hmiOfLine.get(e.machine().productLine()));
            Set<String> known = MachineProfile.of(e.hmi()).faults().stream()
                    .map(Fault::code)
                    .collect(Collectors.toSet());
            assertThat(known).as(e.machine().id()).containsAll(e.machine().faults());
        }
    }

    @Test
    void everyMachineWithAnAgent_isOnlineAtTheRelay_andTheOfflineOneIsNot() {
        Set<String> expected = sandbox.machines().stream()
                .filter(m -> m.behaviour() != Behaviour.OFFLINE)
                .map(SandboxMachine::id)
                .collect(Collectors.toSet());

        assertThat(sandbox.relay().agents().onlineMachines()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void accounts_haveTheAgreedUsernamesAndRoles_andPasswordsThatPassTheRules() {
        assertThat(sandbox.accounts())
                .extracting(SandboxAccount::username, SandboxAccount::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("anna.dach", "TECHNICIAN"),
                        org.assertj.core.groups.Tuple.tuple("ben.americas", "TECHNICIAN"),
                        org.assertj.core.groups.Tuple.tuple("clara.lead", "TEAM_LEAD"),
                        org.assertj.core.groups.Tuple.tuple("tom.trainer", "TRAINER"));
        PasswordRules rules = new PasswordRules();
        sandbox.accounts().forEach(a -> rules.check(a.password().toCharArray(), a.username()));
        assertThat(sandbox.account("ben.americas").regions()).containsExactly("AMERICAS");
        assertThat(sandbox.account("anna.dach").productLines())
                .containsExactlyInAnyOrder("digital-cutter", "printing-press");
        assertThat(sandbox.account("anna.dach").toString())
                .doesNotContain(sandbox.account("anna.dach").password());
        assertThat(sandbox.totpCode("clara.lead")).matches("\\d{6}");
        assertThatThrownBy(() -> sandbox.account("mallory"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mallory");
    }

    @Test
    void anna_listsExactlyTheMachinesOfDach_onHerCertifiedLines() {
        SandboxAccount a = sandbox.account("anna.dach");
        Set<String> expected = sandbox.machines().stream()
                .filter(m -> POLICY.regions().covers("DACH", m.region()))
                .filter(m -> a.productLines().contains(m.productLine()))
                .map(SandboxMachine::id)
                .collect(Collectors.toSet());

        RelayApi.Answer answer = api.get("/api/v1/machines?limit=200", anna);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<MachineView> seen = api.as(answer, MACHINES).items();
        assertThat(seen).extracting(MachineView::id).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).as("DACH on her lines holds the special cases").hasSizeGreaterThanOrEqualTo(5);
        Map<String, MachineView> byId = seen.stream().collect(Collectors.toMap(MachineView::id, Function.identity()));
        sandbox.machines().stream().filter(m -> expected.contains(m.id())).forEach(m -> {
            MachineView v = byId.get(m.id());
            assertThat(v.online()).as(m.id() + " online").isEqualTo(m.behaviour() != Behaviour.OFFLINE);
            assertThat(v.customer()).isEqualTo(m.customer());
            assertThat(v.name()).isEqualTo(m.name());
        });
    }

    @Test
    void trainer_listsTheWholeFleet() {
        String tom = api.login("tom.trainer");

        RelayApi.Answer answer = api.get("/api/v1/machines?limit=200", tom);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(api.as(answer, MACHINES).items())
                .extracting(MachineView::id)
                .containsExactlyInAnyOrderElementsOf(
                        sandbox.machines().stream().map(SandboxMachine::id).toList());
    }

    @Test
    void approvingMachine_reachesActive_andTheTeamLeadSeesItInHistory() {
        SandboxMachine m = annasMachine(Behaviour.APPROVES, "printing-press");

        SessionView s = request(m);
        awaitState(s.id(), SessionState.ACTIVE);

        String clara = api.login("clara.lead");
        RelayApi.Answer history = api.get("/api/v1/history/sessions?machine=" + m.id(), clara);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(api.as(history, HISTORY).items())
                .extracting(HistoryEntry::sessionId)
                .contains(s.id());
    }

    @Test
    void decliningMachine_isDeclined() {
        SessionView s = request(annasMachine(Behaviour.DECLINES, null));

        awaitState(s.id(), SessionState.DECLINED);
    }

    @Test
    void neverAnsweringMachine_expiresAfterTheConsentTimeout() {
        SessionView s = request(annasMachine(Behaviour.NEVER_ANSWERS, null));

        assertThat(Duration.between(s.createdAt(), s.consentDeadline())).isEqualTo(CONSENT_TIMEOUT);
        awaitState(s.id(), SessionState.EXPIRED);
    }

    @Test
    void switchedOffMachine_isRefusedWith409() {
        SandboxMachine m = annasMachine(Behaviour.REMOTE_SERVICE_OFF, null);

        RelayApi.Answer answer =
                api.post("/api/v1/sessions", new SessionRequest(m.id(), "Training", "TRAIN-1", 15), anna);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).contains("remote-service-off");
    }

    @Test
    void offlineMachine_isRefusedWith409() {
        SandboxMachine m = annasMachine(Behaviour.OFFLINE, null);

        RelayApi.Answer answer =
                api.post("/api/v1/sessions", new SessionRequest(m.id(), "Training", "TRAIN-2", 15), anna);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body()).contains("machine-offline");
    }

    @Test
    void describeJson_isOneObject_withRelayAccountsAndMachines() throws Exception {
        JsonNode root = new ObjectMapper().readTree(sandbox.describeJson());

        assertThat(root.path("relayUrl").asText()).isEqualTo(sandbox.relayUrl()).startsWith("https://127.0.0.1:");
        assertThat(root.path("relayAddress").asText()).isEqualTo("127.0.0.1:" + sandbox.httpsPort());
        assertThat(root.path("tlsFingerprint").asText())
                .isEqualTo(sandbox.tlsFingerprint())
                .startsWith("SHA256:");
        assertThat(root.path("sshFingerprint").asText())
                .isEqualTo(sandbox.sshFingerprint())
                .startsWith("SHA256:");
        JsonNode annaNode = StreamSupport.stream(root.path("accounts").spliterator(), false)
                .filter(n -> n.path("username").asText().equals("anna.dach"))
                .findFirst()
                .orElseThrow();
        for (String field :
                List.of("username", "password", "totpSecret", "role", "displayName", "regions", "productLines")) {
            assertThat(annaNode.has(field)).as(field).isTrue();
        }
        assertThat(annaNode.path("password").asText())
                .isEqualTo(sandbox.account("anna.dach").password());
        assertThat(root.path("machines")).hasSameSizeAs(sandbox.machines());
        for (JsonNode m : root.path("machines")) {
            for (String field :
                    List.of("id", "name", "customer", "site", "region", "productLine", "behaviour", "faults")) {
                assertThat(m.has(field)).as(m + " has " + field).isTrue();
            }
            assertThat(Arrays.stream(Behaviour.values()).map(Enum::name))
                    .contains(m.path("behaviour").asText());
        }
    }

    @Test
    void operatorPanel_withoutADisplay_failsWithAClearMessage() {
        assumeTrue(GraphicsEnvironment.isHeadless(), "this JVM has a display");
        String id = annasMachine(Behaviour.APPROVES, "digital-cutter").id();

        assertThatThrownBy(() -> sandbox.openOperatorPanel(id))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("display")
                .hasMessageContaining(id);
        assertThatThrownBy(() -> sandbox.openOperatorPanel("sp-at-0341"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offline");
    }

    /** The first machine of anna's entitlement with this behaviour (and line, when given). */
    private static SandboxMachine annasMachine(Behaviour behaviour, String productLine) {
        SandboxAccount a = sandbox.account("anna.dach");
        return sandbox.machines().stream()
                .filter(m -> m.behaviour() == behaviour)
                .filter(m -> productLine == null || m.productLine().equals(productLine))
                .filter(m -> POLICY.regions().covers("DACH", m.region()))
                .filter(m -> a.productLines().contains(m.productLine()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("anna has no " + behaviour + " machine"));
    }

    private static SessionView request(SandboxMachine m) {
        RelayApi.Answer answer = api.post(
                "/api/v1/sessions", new SessionRequest(m.id(), "Alarm on the HMI", "TRAIN-" + m.id(), 15), anna);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return api.as(answer, SessionView.class);
    }

    private static void awaitState(String sessionId, SessionState state) {
        Poll.until(WAIT, "session " + sessionId + " " + state, () -> {
            RelayApi.Answer a = api.get("/api/v1/sessions/" + sessionId, anna);
            return a.status() == 200 && api.as(a, SessionView.class).state() == state;
        });
    }
}
