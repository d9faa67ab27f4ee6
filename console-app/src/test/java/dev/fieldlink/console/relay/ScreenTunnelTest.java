package dev.fieldlink.console.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fieldlink.protocol.api.TicketResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The screen tunnel against a MINA SSH server on loopback that forwards {@code direct-tcpip} to an echo socket,
 * standing in for the relay's splice to isolate the client.
 */
class ScreenTunnelTest {
    private static SshServer server;
    private static ServerSocket echo;
    private static String hostKey;
    private final ScreenTunnel tunnel = new ScreenTunnel(Duration.ofSeconds(5));

    @BeforeAll
    static void start() throws Exception {
        echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread echoer = new Thread(ScreenTunnelTest::echoForever, "echo");
        echoer.setDaemon(true);
        echoer.start();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator((user, password, session) -> user.equals("u1") && password.equals("ticket-1"));
        server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        server.start();
        KeyPair pair = keys.loadKeys(null).iterator().next();
        hostKey = KeyUtils.getFingerPrint(pair.getPublic());
    }

    private static void echoForever() {
        while (!echo.isClosed()) {
            try (Socket socket = echo.accept()) {
                socket.getInputStream().transferTo(socket.getOutputStream());
            } catch (IOException e) {
                // next connection
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(true);
        echo.close();
    }

    private static TicketResponse ticket(String password, String fingerprint, int sshPort) {
        return new TicketResponse(
                password,
                "127.0.0.1",
                sshPort,
                fingerprint,
                "u1",
                "127.0.0.1",
                echo.getLocalPort(),
                Instant.now().plusSeconds(600));
    }

    @Test
    void validTicket_opensAChannelCarryingBytesBothWays() throws Exception {
        try (ScreenTunnel.Screen screen =
                tunnel.open(ticket("ticket-1", hostKey, server.getPort()), "unused", new CancelToken())) {
            OutputStream out = screen.out();
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = screen.in();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");
            assertThat(screen.isOpen()).isTrue();
        }
    }

    @Test
    void hostKeyOtherThanTheTicketsFingerprint_isRefused_namingTheKeyPresented() {
        RelayException e = catchThrowableOfType(
                RelayException.class,
                () -> tunnel.open(
                        ticket("ticket-1", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", server.getPort()),
                        "unused",
                        new CancelToken()));
        assertThat(e.failure()).isEqualTo(RelayException.Failure.HOST_KEY_MISMATCH);
        assertThat(e.getMessage()).contains(hostKey);
    }

    @Test
    void wrongTicket_isRefused() {
        RelayException e = catchThrowableOfType(
                RelayException.class,
                () -> tunnel.open(ticket("other", hostKey, server.getPort()), "unused", new CancelToken()));
        assertThat(e.failure()).isEqualTo(RelayException.Failure.SCREEN_REFUSED);
        assertThat(e).hasMessageContaining("refused the session ticket");
    }

    @Test
    void refusedChannel_isReportedAsSuch() {
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        try {
            RelayException e = catchThrowableOfType(
                    RelayException.class,
                    () -> tunnel.open(ticket("ticket-1", hostKey, server.getPort()), "unused", new CancelToken()));
            assertThat(e.failure()).isEqualTo(RelayException.Failure.SCREEN_REFUSED);
            assertThat(e).hasMessageContaining("screen channel");
        } finally {
            server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        }
    }

    @Test
    void closedPort_isUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int closedPort = port;
        RelayException e = catchThrowableOfType(
                RelayException.class,
                () -> tunnel.open(ticket("ticket-1", hostKey, closedPort), "unused", new CancelToken()));
        assertThat(e.failure()).isEqualTo(RelayException.Failure.UNREACHABLE);
    }

    @Test
    void client_readsNoneOfTheTechniciansSshFiles_onlyTheTicketAndThePin() throws Exception {
        // MINA fixes ~/.ssh per JVM on first use, so this checks the configuration rather than planting files there.
        org.apache.sshd.client.SshClient ssh = ScreenTunnel.client(hostKey);
        assertThat(ssh.getHostConfigEntryResolver())
                .isSameAs(org.apache.sshd.client.config.hosts.HostConfigEntryResolver.EMPTY);
        assertThat(ssh.getKeyIdentityProvider().loadKeys(null)).isEmpty();
        assertThat(ssh.getServerKeyVerifier())
                .isNotInstanceOf(org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier.class);
        // and it still connects with the ticket alone
        try (ScreenTunnel.Screen screen =
                tunnel.open(ticket("ticket-1", hostKey, server.getPort()), "unused", new CancelToken())) {
            assertThat(screen.isOpen()).isTrue();
        }
    }
}
