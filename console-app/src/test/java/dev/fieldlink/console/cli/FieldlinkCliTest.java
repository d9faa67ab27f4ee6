package dev.fieldlink.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.console.relay.MockRelay;
import dev.fieldlink.console.screen.TestRecordings;
import dev.fieldlink.console.screen.TestScreen;
import dev.fieldlink.console.ui.ScriptedRelay;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI against a scripted stand-in for the relay (isolates the CLI; capability tests use the sandbox). */
class FieldlinkCliTest {
    @TempDir
    Path config;

    private ScriptedRelay relay;
    private String out;
    private String err;

    @BeforeEach
    void start() throws Exception {
        relay = new ScriptedRelay();
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    private int run(String stdin, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = Fieldlink.commandLine(new Fieldlink(
                config,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                Clock.fixed(ScriptedRelay.T0, ZoneOffset.UTC)));
        cli.setOut(new PrintWriter(o, true));
        cli.setErr(new PrintWriter(e, true));
        int code = cli.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private void login(String user) {
        assertThat(run(
                        "correct horse battery\n",
                        "login",
                        "--relay",
                        relay.relay.address().display(),
                        "--pin",
                        MockRelay.pin().toString(),
                        "--user",
                        user,
                        "--password-stdin",
                        "--totp",
                        "123456"))
                .as(err)
                .isZero();
    }

    @Test
    void login_keepsTokensOwnerOnly_andMachinesListsWhatTheRelayReturns() throws Exception {
        login("anna");
        assertThat(out).contains("Signed in to").contains("Anna Berger");
        Path tokens = config.resolve("cli/tokens.json");
        assertThat(Files.getPosixFilePermissions(tokens))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.readString(config.resolve("cli/cli.properties"))).doesNotContain("correct horse");

        assertThat(run("", "machines")).isZero();
        assertThat(out).contains("Speedmaster XL 106").contains("offline").contains("ID");
        assertThat(run("", "machines", "--json")).isZero();
        assertThat(out.strip()).startsWith("[").contains("\"id\" : \"m1\"");
    }

    @Test
    void wrongPassword_isOneClearLine_exit1() {
        int code = run(
                "wrong\n",
                "login",
                "--relay",
                relay.relay.address().display(),
                "--pin",
                MockRelay.pin().toString(),
                "--user",
                "anna",
                "--password-stdin",
                "--totp",
                "123456");
        assertThat(code).isEqualTo(1);
        assertThat(err).isEqualTo("fieldlink: Username, password or code is wrong" + System.lineSeparator());
    }

    @Test
    void version_isTheCommandsNameAndTheBuildVersion() {
        assertThat(run("", "--version")).isZero();
        // From class directories there is no jar manifest; the packaged launchers are checked by .ci/packages.
        assertThat(out.strip()).isEqualTo("fieldlink " + dev.fieldlink.protocol.BuildVersion.UNPACKAGED);
    }

    @Test
    void usageErrors_exit2() {
        assertThat(run("", "machines", "--bogus")).isEqualTo(2);
        assertThat(run("", "session", "request", "m1")).isEqualTo(2);
        assertThat(err).contains("--reason");
        assertThat(run("", "frobnicate")).isEqualTo(2);
    }

    @Test
    void notSignedIn_saysWhatToDo() {
        assertThat(run("", "machines")).isEqualTo(1);
        assertThat(err).contains("fieldlink login");
    }

    @Test
    void request_wait_status_end_andHistory() {
        login("anna");
        relay.consent.countDown();
        assertThat(run("", "session", "request", "m1", "--reason", "E42 on the feeder", "--minutes", "20", "--wait"))
                .as(err)
                .isZero();
        assertThat(out).contains("s1  ACTIVE  30:00 left");
        assertThat(run("", "session", "status")).isZero();
        assertThat(out).contains("s1  ACTIVE");
        assertThat(run("", "session", "end")).isZero();
        assertThat(out).contains("ENDED").contains("cause TECHNICIAN");

        login("lead");
        assertThat(run("", "history", "list")).isZero();
        assertThat(out).contains("h1").contains("ENDED (OPERATOR)").contains("3 of 3");
        assertThat(run("", "history", "show", "h1")).isZero();
        assertThat(out).contains("CONSENT_GIVEN").contains("INPUT_KEYS").contains("text=reset E42");
        assertThat(run("", "history", "show", "h1", "--json")).isZero();
        assertThat(out).contains("\"timeline\"");
    }

    @Test
    void declinedRequestWithWait_exits1_andSaysSo() {
        login("anna");
        assertThat(run("", "session", "request", "m2", "--reason", "Colour", "--wait"))
                .isEqualTo(1);
        assertThat(out).contains("DECLINED");
    }

    @Test
    void badInterval_isNamed() {
        login("lead");
        assertThat(run(
                        "",
                        "history",
                        "replay",
                        "h1",
                        "--out",
                        config.resolve("frames").toString(),
                        "--every",
                        "soon"))
                .isEqualTo(1);
        assertThat(err).contains("Not an interval: soon");
    }

    @Test
    void sessionSnapshot_writesThePngTheMachineShows_throughTheSshTunnel() throws Exception {
        BufferedImage hmi = TestScreen.hmi(640, 400, "Speedmaster XL 106", "E42");
        try (TestScreen screen = new TestScreen(hmi)) {
            relay.screen = screen;
            login("anna");
            relay.consent.countDown();
            assertThat(run("", "session", "request", "m1", "--reason", "E42", "--wait"))
                    .as(err)
                    .isZero();
            Path png = config.resolve("shots/frame.png");
            assertThat(run("", "session", "snapshot", "s1", "--out", png.toString()))
                    .as(err)
                    .isZero();
            assertThat(out).startsWith(png.toString()).contains("640x400").contains(Files.size(png) + " bytes");
            BufferedImage written = ImageIO.read(png.toFile());
            assertThat(written.getWidth()).isEqualTo(640);
            assertThat(written.getHeight()).isEqualTo(400);
            for (int y = 0; y < 400; y++) {
                for (int x = 0; x < 640; x++) {
                    if ((written.getRGB(x, y) & 0xFFFFFF) != (hmi.getRGB(x, y) & 0xFFFFFF)) {
                        throw new AssertionError("pixel " + x + "," + y + " differs");
                    }
                }
            }
            assertThat(screen.connections()).isEqualTo(1);
        }
    }

    @Test
    void sessionSnapshot_ofASessionWithoutScreen_isOneLine_exit1() {
        login("anna");
        assertThat(run(
                        "",
                        "session",
                        "snapshot",
                        "s9",
                        "--out",
                        config.resolve("f.png").toString()))
                .isEqualTo(1);
        assertThat(err).isEqualTo("fieldlink: The session is not active" + System.lineSeparator());
        assertThat(run("", "session", "snapshot", "s9")).isEqualTo(2);
        assertThat(err).contains("--out");
    }

    @Test
    void historyReplay_writesOneSortableFramePerInterval_ofARealRecording() throws Exception {
        Path recording = config.resolve("source.flrec");
        List<BufferedImage> live = TestRecordings.write(recording, 5); // steps at 0, 2.5, 5, 7.5, 10 s
        relay.recording = Files.readAllBytes(recording);
        login("lead");
        Path frames = config.resolve("frames");
        assertThat(run("", "history", "replay", "h1", "--out", frames.toString(), "--every", "5s"))
                .as(err)
                .isZero();
        assertThat(out).contains("3 frames written to " + frames);
        try (var files = Files.list(frames)) {
            assertThat(files.map(f -> f.getFileName().toString())
                            .filter(n -> n.endsWith(".png"))
                            .sorted())
                    .containsExactly("frame-00000s.png", "frame-00005s.png", "frame-00010s.png");
        }
        for (int i = 0; i < 3; i++) {
            BufferedImage png = ImageIO.read(
                    frames.resolve(String.format("frame-%05ds.png", i * 5)).toFile());
            BufferedImage expected = live.get(i * 2);
            assertThat(png.getRGB(TestRecordings.MARKER_X, TestRecordings.MARKER_Y) & 0xFFFFFF)
                    .as("frame %d", i)
                    .isEqualTo(TestRecordings.colour(i * 2));
            assertThat(png.getRGB(320, 300)).isEqualTo(expected.getRGB(320, 300));
        }

        assertThat(run(
                        "",
                        "history",
                        "replay",
                        "h1",
                        "--out",
                        config.resolve("f2").toString(),
                        "--every",
                        "2500ms"))
                .as(err)
                .isZero();
        assertThat(out).contains("5 frames written");
        assertThat(Files.exists(config.resolve("f2/frame-00007500ms.png"))).isTrue();
    }

    @Test
    void historyReplay_ofAFileThatIsNoRecording_isOneLine_exit1() {
        login("lead");
        assertThat(run(
                        "",
                        "history",
                        "replay",
                        "h1",
                        "--out",
                        config.resolve("frames").toString()))
                .isEqualTo(1);
        assertThat(err)
                .startsWith("fieldlink: The recording cannot be replayed: ")
                .contains("not a Fieldlink recording");
        assertThat(err.lines().count()).isEqualTo(1);
    }

    @Test
    void logout_forgetsTheTokens() {
        login("anna");
        assertThat(run("", "logout")).isZero();
        assertThat(Files.exists(config.resolve("cli/tokens.json"))).isFalse();
        assertThat(run("", "machines")).isEqualTo(1);
    }
}
