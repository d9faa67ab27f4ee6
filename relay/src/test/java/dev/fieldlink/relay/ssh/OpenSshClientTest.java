package dev.fieldlink.relay.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fieldlink.protocol.api.SessionView;
import dev.fieldlink.protocol.api.TicketResponse;
import dev.fieldlink.protocol.audit.AuditEventTypes;
import dev.fieldlink.relay.testing.TestAgent;
import dev.fieldlink.relay.testing.TestRelay;
import dev.fieldlink.relay.testing.TestRelay.TestUser;
import dev.fieldlink.relay.testing.TestScreenChannel;
import dev.fieldlink.testing.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSH's own {@code ssh} against the relay: {@code ssh -W session-<id>:5900} with the ticket as password reaches the
 * machine's screen; a shell, other targets and remote forwarding are refused; only modern algorithms are offered.
 * The password comes from {@code SSH_ASKPASS} with {@code SSH_ASKPASS_REQUIRE=force}; the host key is pinned through
 * a known_hosts file holding the relay's key.
 */
class OpenSshClientTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static TestRelay t;
    static TestAgent agent;
    static TestUser olli;
    static String token;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws IOException {
        t = TestRelay.start();
        t.machine("m-openssh", "DE", "digital-cutter");
        agent = new TestAgent("m-openssh").autoConsent(30);
        t.relay.admin().registerAgentKey("m-openssh", agent.publicKey());
        agent.connect(t.relay.sshPort(), t.relay.hostKeyFingerprint());
        Poll.until(WAIT, "online", () -> t.relay.agents().isOnline("m-openssh"));
        olli = t.technician("olli", Set.of("DE"), Set.of("digital-cutter"));
    }

    @AfterAll
    static void stop() {
        agent.close();
        t.close();
    }

    TicketResponse activeSession() {
        token = t.token(olli);
        SessionView s = t.activeSession("m-openssh", "openssh", 30, token);
        return t.ticket(s.id(), token);
    }

    @Test
    void sshDashW_withTheTicket_reachesTheScreen_andEndsWhenTheSessionEnds() throws Exception {
        TicketResponse ticket = activeSession();
        Process ssh = ssh(ticket.ticket(), ticket.username(), "-W", ticket.targetHost() + ":" + ticket.targetPort());
        try {
            InputStream screen = ssh.getInputStream();
            assertThat(screen.readNBytes(TestScreenChannel.GREETING.length)).isEqualTo(TestScreenChannel.GREETING);
            OutputStream keys = ssh.getOutputStream();
            keys.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            keys.flush();
            TestScreenChannel channel = agent.screens().get(agent.screens().size() - 1);
            Poll.until(WAIT, "bytes at the machine", () -> channel.received().length == 12);
            String sessionId = ticket.targetHost().substring("session-".length());
            t.api.post("/api/v1/sessions/" + sessionId + "/end", "", token);
            assertThat(ssh.waitFor(5, TimeUnit.SECONDS))
                    .as("ssh exits when the session ends")
                    .isTrue();
        } finally {
            ssh.destroyForcibly();
        }
    }

    @Test
    void aShell_isRefused() throws Exception {
        TicketResponse ticket = activeSession();
        Process ssh = ssh(ticket.ticket(), ticket.username(), "-T");
        String err = finish(ssh);
        assertThat(ssh.exitValue()).isNotZero();
        assertThat(err).contains("open failed");
        t.api.post("/api/v1/sessions/" + ticket.targetHost().substring(8) + "/end", "", token);
    }

    @Test
    void otherTargets_andRemoteForwarding_areRefused_andAudited() throws Exception {
        TicketResponse ticket = activeSession();
        Process other = ssh(ticket.ticket(), ticket.username(), "-W", "127.0.0.1:" + t.relay.sshPort());
        assertThat(finish(other)).contains("administratively prohibited");
        Process port = ssh(ticket.ticket(), ticket.username(), "-W", ticket.targetHost() + ":22");
        assertThat(finish(port)).contains("administratively prohibited");
        Process forward =
                ssh(ticket.ticket(), ticket.username(), "-N", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9");
        assertThat(finish(forward)).contains("remote port forwarding failed");
        assertThat(t.relay.core().auditEventsOfType(AuditEventTypes.CHANNEL_REFUSED))
                .anySatisfy(e -> assertThat(e.details()).containsEntry("target", "127.0.0.1:" + t.relay.sshPort()));
        t.api.post("/api/v1/sessions/" + ticket.targetHost().substring(8) + "/end", "", token);
    }

    @Test
    void negotiation_usesOnlyModernAlgorithms() throws Exception {
        TicketResponse ticket = activeSession();
        Process ssh = ssh(ticket.ticket(), ticket.username(), "-vv", "-W", ticket.targetHost() + ":5900");
        assertThat(ssh.getInputStream().readNBytes(TestScreenChannel.GREETING.length))
                .isEqualTo(TestScreenChannel.GREETING);
        t.api.post("/api/v1/sessions/" + ticket.targetHost().substring(8) + "/end", "", token);
        String log = finish(ssh);
        assertThat(log)
                .containsPattern(
                        "kex: algorithm: (mlkem768x25519-sha256|sntrup761x25519-sha512" + "|curve25519-sha256)");
        assertThat(log).as("Terrapin mitigated").contains("kex-strict-s-v00@openssh.com");
        assertThat(log).contains("peer server KEXINIT proposal");
        String server = log.substring(log.indexOf("peer server KEXINIT proposal"));
        assertThat(server)
                .containsPattern("MACs stoc: hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com\\r?\\n");
        assertThat(server).containsPattern("compression stoc: none\\r?\\n");
        assertThat(log).contains("kex: host key algorithm: ssh-ed25519");
        assertThat(log)
                .containsPattern("kex: server->client cipher: (chacha20-poly1305@openssh.com|aes256-gcm@openssh.com"
                        + "|aes128-gcm@openssh.com)");
        assertThat(log).contains("Remote protocol version 2.0, remote software version Fieldlink");
        assertThat(log)
                .containsPattern("Authentications that can continue: (publickey,password|password,publickey)\\r?\\n");
    }

    @AfterEach
    void endLiveSessions() {
        t.relay.broker().liveSessions().forEach(s -> t.relay.admin().endSession(s.id()));
    }

    @Test
    void identification_carriesNoVersion() throws IOException {
        try (Socket s = new Socket("127.0.0.1", t.relay.sshPort())) {
            s.setSoTimeout(5000);
            byte[] line = new byte[19];
            assertThat(s.getInputStream().readNBytes(line, 0, line.length)).isEqualTo(19);
            assertThat(new String(line, StandardCharsets.US_ASCII)).isEqualTo("SSH-2.0-Fieldlink\r\n");
        }
    }

    private static Process ssh(String password, String user, String... args) throws IOException {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + t.relay.sshPort() + " " + t.relay.hostKeyLine() + "\n");
        Path askpass = tmp.resolve("askpass.sh");
        Files.writeString(askpass, "#!/bin/sh\nprintf '%s\\n' \"$FIELDLINK_TICKET\"\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        List<String> cmd = new ArrayList<>(List.of(
                "ssh",
                "-F",
                "/dev/null",
                "-p",
                Integer.toString(t.relay.sshPort()),
                "-o",
                "UserKnownHostsFile=" + knownHosts,
                "-o",
                "StrictHostKeyChecking=yes",
                "-o",
                "PubkeyAuthentication=no",
                "-o",
                "PreferredAuthentications=password",
                "-o",
                "NumberOfPasswordPrompts=1",
                "-o",
                "ConnectTimeout=10",
                "-o",
                "IdentityAgent=none"));
        cmd.addAll(List.of(args));
        cmd.add(user + "@127.0.0.1");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SSH_ASKPASS", askpass.toString());
        pb.environment().put("SSH_ASKPASS_REQUIRE", "force");
        pb.environment().put("DISPLAY", ":0");
        pb.environment().put("FIELDLINK_TICKET", password);
        pb.environment().remove("SSH_AUTH_SOCK");
        return pb.start();
    }

    /** Waits for the process and returns its standard error. */
    private static String finish(Process p) throws Exception {
        p.getOutputStream().close();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new String(err, StandardCharsets.UTF_8);
    }
}
