package dev.fieldlink.relay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fieldlink-relay} administration on an embedded database: exit codes, messages, effects. */
class RelayCliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
        try {
            int code = RelayCli.run(
                    args,
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    Map.of(
                            "FIELDLINK_DATA_DIR",
                            dir.resolve("data").toString(),
                            "FIELDLINK_AUTH_PASSWORD_HASHING",
                            "test"));
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void help_listsTheCommands_andBadUsageExitsWith2() {
        Run help = run(null, "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("serve", "admin", "audit");
        Run adminHelp = run(null, "admin", "user", "--help");
        assertThat(adminHelp.out()).contains("add", "update", "disable", "reset-totp", "sign-undertaking", "list");
        Run bad = run(null, "admin", "user", "add", "--username", "x0", "--nonsense");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--nonsense");
        Run noPassword = run(null, "admin", "user", "add", "--username", "x1", "--name", "X", "--company", "C");
        assertThat(noPassword.exit()).isEqualTo(2);
        assertThat(noPassword.err()).contains("--password-stdin");
    }

    @Test
    void userLifecycle_addListUpdateDisableResetSign() {
        Run add = run(
                "correct horse battery staple 99\n",
                "admin",
                "user",
                "add",
                "--username",
                "Anna",
                "--name",
                "Anna Example",
                "--company",
                "Fieldlink",
                "--role",
                "TECHNICIAN",
                "--region",
                "DACH",
                "--cert",
                "digital-cutter=2027-12-31",
                "--undertaking",
                "2026-06-01",
                "--password-stdin");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out())
                .contains("user anna created")
                .contains("TOTP secret (shown once): ")
                .contains("otpauth://totp/");
        Run again = run(
                "correct horse battery staple 99\n",
                "admin",
                "user",
                "add",
                "--username",
                "anna",
                "--name",
                "A",
                "--company",
                "C",
                "--password-stdin");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("error: username anna is taken\n");
        Run weak = run(
                "password123\n",
                "admin",
                "user",
                "add",
                "--username",
                "bert",
                "--name",
                "B",
                "--company",
                "C",
                "--password-stdin");
        assertThat(weak.exit()).isEqualTo(1);
        assertThat(weak.err())
                .startsWith("error: ")
                .doesNotContain("password123")
                .doesNotContain("Exception");
        Run region = run(null, "admin", "user", "update", "--username", "anna", "--region", "ATLANTIS");
        assertThat(region.exit()).isEqualTo(1);
        assertThat(region.err()).contains("region ATLANTIS is not defined by the policy");
        assertThat(run(null, "admin", "user", "update", "--username", "anna", "--region", "UK")
                        .exit())
                .isZero();
        assertThat(run(null, "admin", "user", "reset-totp", "--username", "anna")
                        .out())
                .contains("new secret");
        assertThat(run(null, "admin", "user", "sign-undertaking", "--username", "anna", "--on", "2026-11-01")
                        .out())
                .contains("signed on 2026-11-01");
        assertThat(run(null, "admin", "user", "disable", "--username", "anna").exit())
                .isZero();
        Run list = run(null, "admin", "user", "list");
        assertThat(list.out()).contains("anna").contains("disabled").contains("[UK]");
        assertThat(run(null, "admin", "user", "disable", "--username", "nobody").err())
                .contains("no user nobody");
    }

    @Test
    void machineLifecycle_addProvisionRegisterShowList() throws Exception {
        Run add = run(
                null,
                "admin",
                "machine",
                "add",
                "--id",
                "m-cli-1",
                "--serial",
                "SN1",
                "--name",
                "Cutter 1",
                "--customer",
                "Acme",
                "--site",
                "Plant",
                "--region",
                "DE",
                "--product-line",
                "digital-cutter",
                "--model",
                "DC-9",
                "--remote-service",
                "--max-minutes",
                "90");
        assertThat(add.exit()).as(add.err()).isZero();
        Run code = run(null, "admin", "machine", "provision", "--id", "m-cli-1");
        assertThat(code.out()).containsPattern("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");
        Path key = dir.resolve("agent.pub");
        Files.writeString(key, new dev.fieldlink.relay.testing.TestAgent("m-cli-1").publicKey() + " agent@m-cli-1\n");
        assertThat(run(null, "admin", "machine", "register-key", "--id", "m-cli-1", "--public-key", key.toString())
                        .out())
                .contains("registered for m-cli-1");
        Run show = run(null, "admin", "machine", "show", "--id", "m-cli-1");
        assertThat(show.out())
                .contains("remote service on")
                .contains("90 minutes")
                .contains("SHA256:");
        assertThat(run(null, "admin", "machine", "list").out())
                .contains("m-cli-1")
                .contains("yes");
        Run bad = run(
                null,
                "admin",
                "machine",
                "add",
                "--id",
                "Bad Id",
                "--serial",
                "S",
                "--name",
                "N",
                "--customer",
                "C",
                "--site",
                "S",
                "--region",
                "DE",
                "--product-line",
                "digital-cutter",
                "--model",
                "M");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("machine id must be lower-case");
    }

    @Test
    void auditVerifyAndExport_andKeyRotation() throws Exception {
        run(
                "correct horse battery staple 99\n",
                "admin",
                "user",
                "add",
                "--username",
                "carla",
                "--name",
                "C",
                "--company",
                "C",
                "--password-stdin");
        Run rotate = run(null, "admin", "keys", "rotate");
        assertThat(rotate.exit()).isZero();
        Run verify = run(null, "audit", "verify");
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).contains("intact  relay").contains("audit log intact");
        Run jsonl = run(null, "audit", "export", "--format", "jsonl");
        assertThat(jsonl.exit()).isZero();
        String[] lines = jsonl.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"type\":\"USER_ADDED\"").contains("\"hash\":");
        assertThat(lines[1]).contains("KEYS_ROTATED");
        Path csv = dir.resolve("audit.csv");
        Run file = run(null, "audit", "export", "--format", "csv", "--out", csv.toString());
        assertThat(file.out()).contains("2 events written");
        assertThat(Files.readAllLines(csv))
                .first()
                .isEqualTo("stream,sequence,type,actor,subject,time,details,prev_hash,hash");
        assertThat(run(null, "audit", "export", "--format", "xml").exit()).isEqualTo(2);
        String keys = Files.readString(dir.resolve("data").resolve("signing-keys.json"));
        assertThat(keys).contains("\"keys\"");
    }

    @Test
    void policyCheck_namesTheProblemOrSummarises() throws Exception {
        Path good = dir.resolve("policy.yaml");
        Files.writeString(good, """
                regions:
                  - id: EU
                    children:
                      - id: FR
                productLines:
                  - id: folder
                """);
        Run ok = run(null, "admin", "policy", "check", good.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("valid").contains("EU, FR").contains("folder");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "regions:\n  - id: EU\n    childs: []\nproductLines:\n  - id: folder\n");
        Run broken = run(null, "admin", "policy", "check", bad.toString());
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains("childs").contains("line 3");
    }

    @Test
    void aConfigFileThatIsMissingOrWrong_isNamed() throws Exception {
        Run missing = run(
                null,
                "admin",
                "user",
                "list",
                "--config",
                dir.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.yaml does not exist");
        Path wrong = dir.resolve("relay.yaml");
        Files.writeString(wrong, "http:\n  port: many\n");
        Run bad = run(null, "admin", "user", "list", "--config", wrong.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("http.port").contains("whole number");
    }
}
