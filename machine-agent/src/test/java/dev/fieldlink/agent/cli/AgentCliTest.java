package dev.fieldlink.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.agent.audit.AuditLog;
import dev.fieldlink.agent.config.AuditSettings;
import dev.fieldlink.agent.config.ConfigLoader;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.testing.MutableClock;
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
import picocli.CommandLine;

class AgentCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = AgentCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path configWithLog(int events) throws Exception {
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, "machineId: m1\nswitches:\n  remoteService: true\n");
        try (AuditLog log = AuditLog.open(
                dir.resolve("agent-data/audit"),
                "agent:m1",
                AuditSettings.defaults(),
                MutableClock.at("2026-11-23T08:00:00Z"))) {
            for (int i = 0; i < events; i++) {
                log.append(AuditEventTypes.CHAT_MESSAGE, "operator:m1", null, Map.of("text", "hello " + i));
            }
            log.acknowledge(events / 2);
        }
        return config;
    }

    @Test
    void help_listsTheCommands_andExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("run", "enroll", "audit", "status", "admin-pin");
        assertThat(run("enroll", "--help")).isZero();
        assertThat(out.toString()).contains("--relay", "--code", "--machine-id", "--tls-fingerprint");
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("enroll", "--relay", "https://r")).isEqualTo(2);
        assertThat(run(
                        "run",
                        "--debug-rfb-listen",
                        "0.0.0.0:5999",
                        "-c",
                        dir.resolve("x.yaml").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("not a loopback address");
    }

    @Test
    void failures_exitOne_withOneLineAndNoStackTrace() {
        assertThat(run("run", "-c", dir.resolve("missing.yaml").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("missing.yaml: no such file").doesNotContain("\tat ");
    }

    @Test
    void auditVerify_reportsAnIntactChain_andABrokenOne() throws Exception {
        Path config = configWithLog(6);
        assertThat(run("audit", "verify", "-c", config.toString())).isZero();
        assertThat(out.toString()).contains("Audit chain intact: 6 events", "acknowledged up to 3");

        Path segment = dir.resolve("agent-data/audit/audit-000000000001.jsonl");
        Files.writeString(segment, Files.readString(segment).replace("hello 4", "hello X"));
        assertThat(run("audit", "verify", "-c", config.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("BROKEN", "sequence 5");
    }

    @Test
    void status_showsEnrolmentSwitchesAndTheBuffer() throws Exception {
        Path config = configWithLog(4);
        run("status", "-c", config.toString());
        assertThat(out.toString())
                .contains(
                        "Machine:        m1",
                        "(not enrolled)",
                        "remoteService=true",
                        "4 events, last 4, acknowledged 2, waiting 2",
                        "never started");
    }

    @Test
    void adminPin_storesOnlyAHash() throws Exception {
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, "machineId: m1\n");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("482915\n482915\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("admin-pin", "-c", config.toString())).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(Files.readString(config)).doesNotContain("482915").contains("$argon2id$");
        assertThat(new ConfigLoader().load(config).panel().adminPinHash()).startsWith("$argon2id$");
    }

    @Test
    void adminPin_thatDiffers_isRefused() throws Exception {
        Path config = dir.resolve("agent.yaml");
        Files.writeString(config, "machineId: m1\n");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("482915\n482916\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(run("admin-pin", "-c", config.toString())).isEqualTo(1);
        } finally {
            System.setIn(stdin);
        }
        assertThat(err.toString()).contains("the two PINs differ");
    }
}
