package dev.fieldlink.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.console.relay.MockRelay;
import dev.fieldlink.console.ui.ScriptedRelay;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
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
    void logout_forgetsTheTokens() {
        login("anna");
        assertThat(run("", "logout")).isZero();
        assertThat(Files.exists(config.resolve("cli/tokens.json"))).isFalse();
        assertThat(run("", "machines")).isEqualTo(1);
    }
}
