package dev.fieldlink.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fieldlink.console.testing.SteppingClock;
import dev.fieldlink.sandbox.RunningSandbox;
import dev.fieldlink.sandbox.Sandbox;
import dev.fieldlink.sandbox.SandboxAccount;
import dev.fieldlink.sandbox.SandboxMachine;
import dev.fieldlink.sandbox.SandboxOptions;
import dev.fieldlink.testing.Poll;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code fieldlink} CLI against the real sandbox: a relay on loopback and real agents with simulated HMIs and
 * simulated operators. Entitlement, consent, the screen through the SSH tunnel, the end, and the team lead's
 * history with its audit trail and recording all come from the real components.
 */
class SandboxCliEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DACH = Set.of("DACH", "DE", "AT", "CH");

    static final SteppingClock CLOCK = new SteppingClock();
    static RunningSandbox sandbox;

    @TempDir
    Path config;

    @TempDir
    Path files;

    private String out;
    private String err;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.defaults()
                .withClock(CLOCK)
                .withConsentDelay(Duration.ofMillis(300))
                .withConsentTimeout(Duration.ofSeconds(4)));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private int run(String stdin, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = Fieldlink.commandLine(
                new Fieldlink(config, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), CLOCK));
        cli.setOut(new PrintWriter(o, true));
        cli.setErr(new PrintWriter(e, true));
        int code = cli.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private void ok(String... args) {
        assertThat(run("", args))
                .as("fieldlink %s: %s", String.join(" ", args), err)
                .isZero();
    }

    private void login(String username) {
        SandboxAccount account = sandbox.account(username);
        CLOCK.nextTotpStep();
        assertThat(run(
                        account.password() + "\n",
                        "login",
                        "--relay",
                        sandbox.relayAddress(),
                        "--pin",
                        sandbox.tlsFingerprint(),
                        "--user",
                        username,
                        "--password-stdin",
                        "--totp",
                        sandbox.totpCode(username)))
                .as(err)
                .isZero();
    }

    private JsonNode json() throws Exception {
        return JSON.readTree(out);
    }

    private static SandboxMachine approvingDachMachine() {
        SandboxAccount anna = sandbox.account("anna.dach");
        return sandbox.machines().stream()
                .filter(m -> m.behaviour() == SandboxMachine.Behaviour.APPROVES)
                .filter(m -> DACH.contains(m.region()) && anna.productLines().contains(m.productLine()))
                .findFirst()
                .orElseThrow();
    }

    private static SandboxMachine machineThat(SandboxMachine.Behaviour behaviour) {
        return sandbox.machines().stream()
                .filter(m -> m.behaviour() == behaviour)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void dachTechnician_seesExactlyHerMachines_getsConsent_takesASnapshot_andEnds_thenTheLeadReplaysIt()
            throws Exception {
        login("anna.dach");

        // Entitlement: exactly the machines of her regions and certified product lines.
        ok("machines", "--json");
        Set<String> listed = new HashSet<>();
        json().forEach(m -> listed.add(m.path("id").asText()));
        SandboxAccount anna = sandbox.account("anna.dach");
        Set<String> entitled = new HashSet<>();
        sandbox.machines().stream()
                .filter(m -> DACH.contains(m.region()) && anna.productLines().contains(m.productLine()))
                .forEach(m -> entitled.add(m.id()));
        assertThat(listed).isEqualTo(entitled).hasSizeGreaterThan(3);

        // Request, the simulated operator consents, the session is active.
        SandboxMachine machine = approvingDachMachine();
        ok(
                "session",
                "request",
                machine.id(),
                "--reason",
                "E-214 after knife change",
                "--minutes",
                "10",
                "--wait",
                "--json");
        JsonNode session = json();
        String id = session.path("id").asText();
        assertThat(session.path("state").asText()).isEqualTo("ACTIVE");

        // One frame of the simulated HMI through the relay's SSH tunnel.
        Path png = files.resolve("frame.png");
        ok("session", "snapshot", id, "--out", png.toString());
        BufferedImage frame = ImageIO.read(png.toFile());
        assertThat(frame.getWidth()).isGreaterThanOrEqualTo(800);
        assertThat(frame.getHeight()).isGreaterThanOrEqualTo(600);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < frame.getHeight(); y += 16) {
            for (int x = 0; x < frame.getWidth(); x += 16) {
                colours.add(frame.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertThat(colours).as("a drawn HMI, not a blank frame").hasSizeGreaterThan(5);

        ok("session", "end", id, "--comment", "sensor cleaned");
        ok("session", "status", id, "--json");
        assertThat(json().path("state").asText()).isEqualTo("ENDED");
        ok("logout");

        // The team lead sees the session, its audit trail, and replays its recording.
        login("clara.lead");
        ok("history", "list", "--machine", machine.id(), "--json");
        JsonNode page = json();
        JsonNode items = page.isArray() ? page : page.path("items");
        assertThat(items.findValuesAsText("sessionId")).contains(id);

        ok("history", "show", id, "--json");
        List<String> types = json().path("timeline").findValuesAsText("type");
        assertThat(types).contains("SESSION_REQUESTED", "CONSENT_GIVEN", "SESSION_ENDED");

        Path frames = files.resolve("frames");
        try {
            Poll.until(
                    Duration.ofSeconds(20),
                    "recording written and replayable",
                    () -> run("", "history", "replay", id, "--out", frames.toString(), "--every", "1s") == 0);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer: " + err, e);
        }
        try (Stream<Path> written = Files.list(frames)) {
            List<Path> pngs = written.filter(p -> p.toString().endsWith(".png")).toList();
            assertThat(pngs).isNotEmpty();
            assertThat(ImageIO.read(pngs.get(0).toFile()).getWidth()).isEqualTo(frame.getWidth());
        }
    }

    @Test
    void declinedAndSwitchedOff_areRefusedInOneLine_withExitCode1() {
        login("anna.dach");
        SandboxMachine declines = machineThat(SandboxMachine.Behaviour.DECLINES);
        assertThat(run("", "session", "request", declines.id(), "--reason", "Colour drift", "--wait"))
                .isEqualTo(1);
        assertThat(out + err).containsIgnoringCase("declined");

        SandboxMachine off = machineThat(SandboxMachine.Behaviour.REMOTE_SERVICE_OFF);
        assertThat(run("", "session", "request", off.id(), "--reason", "Check")).isEqualTo(1);
        assertThat(err.lines().count()).isEqualTo(1);
        assertThat(err).startsWith("fieldlink: ").containsIgnoringCase("remote service");
    }

    @Test
    void machineOutsideTheRegion_answersLikeAnUnknownOne() {
        login("anna.dach");
        SandboxMachine american = sandbox.machines().stream()
                .filter(m -> m.region().equals("US"))
                .findFirst()
                .orElseThrow();
        assertThat(run("", "session", "request", american.id(), "--reason", "curious"))
                .isEqualTo(1);
        String outside = err;
        assertThat(run("", "session", "request", "no-such-machine", "--reason", "curious"))
                .isEqualTo(1);
        assertThat(outside.replace(american.id(), "X")).isEqualTo(err.replace("no-such-machine", "X"));
    }
}
