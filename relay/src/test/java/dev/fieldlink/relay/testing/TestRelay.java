package dev.fieldlink.relay.testing;

import dev.fieldlink.auth.totp.Totp;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.Role;
import dev.fieldlink.protocol.api.LoginRequest;
import dev.fieldlink.protocol.api.SessionRequest;
import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.protocol.api.TokenResponse;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.Relay;
import dev.fieldlink.relay.RunningRelay;
import dev.fieldlink.relay.admin.CreatedUser;
import dev.fieldlink.relay.admin.NewMachine;
import dev.fieldlink.relay.admin.NewUser;
import dev.fieldlink.relay.config.RelaySettings;
import dev.fieldlink.relay.machine.MachineRecord;
import dev.fieldlink.testing.MutableClock;
import dev.fieldlink.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A relay on loopback with a fake clock, throw-away data and an API client: what most relay tests need. */
public final class TestRelay implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    public static final String PASSWORD = "correct horse battery staple 42";
    /** How long the helpers wait for the relay to reach a state. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    public final MutableClock clock = new MutableClock(START);
    public final Path dir;
    public final RunningRelay relay;
    public final ApiClient api;
    private final Totp totp = new Totp();
    private final Map<String, Long> lastStep = new ConcurrentHashMap<>();

    private TestRelay(Consumer<RelaySettings.Builder> tweak, String schema) {
        try {
            dir = Files.createTempDirectory("relay-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RelaySettings.Builder b = RelaySettings.ephemeral(dir);
        tweak.accept(b);
        relay = schema == null ? Relay.start(b.build(), clock) : Relay.start(b.build(), clock, schema);
        api = new ApiClient(relay.baseUrl(), relay.tlsCertificate());
    }

    public static TestRelay start() {
        return new TestRelay(b -> {}, null);
    }

    public static TestRelay start(Consumer<RelaySettings.Builder> tweak) {
        return new TestRelay(tweak, null);
    }

    /** A relay on a database of the caller's choosing (PostgreSQL), in its own schema. */
    public static TestRelay start(Consumer<RelaySettings.Builder> tweak, String schema) {
        return new TestRelay(tweak, schema);
    }

    /** A person with credentials the test knows. */
    public record TestUser(String id, String username, String password, String totpSecret) {}

    /** A technician certified for {@code productLines} until 2027-12-31, undertaking signed, in {@code regions}. */
    public TestUser technician(String username, Set<String> regions, Set<String> productLines) {
        return user(username, regions, productLines, Set.of(Role.TECHNICIAN));
    }

    public TestUser user(String username, Set<String> regions, Set<String> productLines, Set<Role> roles) {
        Map<String, LocalDate> certs = new java.util.HashMap<>();
        productLines.forEach(p -> certs.put(p, LocalDate.parse("2027-12-31")));
        CreatedUser c = relay.admin()
                .addUser(new NewUser(
                        username,
                        "Name of " + username,
                        "Fieldlink Service GmbH",
                        PASSWORD,
                        null,
                        roles,
                        regions,
                        certs,
                        LocalDate.parse("2026-06-01"),
                        null));
        return new TestUser(c.id(), c.username(), PASSWORD, c.totpSecret());
    }

    /** A machine, remote service on, max 60 minutes. */
    public MachineRecord machine(String id, String region, String productLine) {
        return relay.admin()
                .addMachine(new NewMachine(
                        id,
                        "SN-" + id,
                        "Machine " + id,
                        "Customer of " + id,
                        "Plant 1",
                        region,
                        productLine,
                        "Model X",
                        new CustomerSwitches(true, false, false),
                        60));
    }

    /**
     * A DE digital-cutter machine {@code id} with {@code agent}'s key registered; connects the agent (with hello)
     * and waits until the relay shows it online.
     */
    public TestAgent online(String id, TestAgent agent) throws IOException {
        machine(id, "DE", "digital-cutter");
        relay.admin().registerAgentKey(id, agent.publicKey());
        agent.connect(relay.sshPort(), relay.hostKeyFingerprint());
        Poll.until(WAIT, id + " online", () -> relay.agents().isOnline(id));
        return agent;
    }

    /** Requests a session (201 expected) and waits until it is ACTIVE: the machine's agent must consent. */
    public SessionView activeSession(String machineId, String reason, int minutes, String token) {
        ApiClient.Answer created =
                api.post("/api/v1/sessions", new SessionRequest(machineId, reason, null, minutes), token);
        if (created.status() != 201) {
            throw new AssertionError("request for " + machineId + ": " + created.status() + " " + created.body());
        }
        String id = created.as(SessionView.class).id();
        return Poll.value(WAIT, "session " + id + " active", () -> {
            SessionView v = api.get("/api/v1/sessions/" + id, token).as(SessionView.class);
            return v.state() == SessionState.ACTIVE ? v : null;
        });
    }

    /** The viewer ticket of an active session. */
    public TicketResponse ticket(String sessionId, String token) {
        return api.post("/api/v1/sessions/" + sessionId + "/ticket", "", token).as(TicketResponse.class);
    }

    /** A TOTP code for a step this user has not used yet (moves the clock on when needed). */
    public String nextCode(TestUser u) {
        long step = Totp.stepAt(clock.instant());
        long last = lastStep.getOrDefault(u.id(), Long.MIN_VALUE);
        if (last >= step + 1) {
            clock.advance(Duration.ofSeconds(30));
            step = Totp.stepAt(clock.instant());
        }
        long use = Math.max(step, last + 1);
        lastStep.put(u.id(), use);
        return totp.codeAtStep(u.totpSecret(), use);
    }

    /** Signs in and returns the tokens. */
    public TokenResponse login(TestUser u) {
        ApiClient.Answer a =
                api.post("/api/v1/auth/login", new LoginRequest(u.username(), u.password(), nextCode(u)), null);
        if (a.status() != 200) {
            throw new AssertionError("login of " + u.username() + " failed: " + a.status() + " " + a.body());
        }
        return a.as(TokenResponse.class);
    }

    /** Signs in and returns the access token. */
    public String token(TestUser u) {
        return login(u).accessToken();
    }

    @Override
    public void close() {
        relay.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
