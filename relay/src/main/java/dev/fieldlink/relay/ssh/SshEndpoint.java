package dev.fieldlink.relay.ssh;

import dev.fieldlink.auth.jwt.TokenVerifier;
import dev.fieldlink.protocol.session.SessionState;
import dev.fieldlink.relay.account.AccountRepository;
import dev.fieldlink.relay.audit.AgentAuditIngest;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.config.RelaySettings;
import dev.fieldlink.relay.machine.MachineRepository;
import dev.fieldlink.relay.screen.ScreenService;
import dev.fieldlink.relay.session.SessionBroker;
import dev.fieldlink.relay.session.SessionListener;
import dev.fieldlink.relay.session.SessionRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.compression.BuiltinCompressions;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.DHFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's SSH endpoint. Host key ed25519; key exchange ML-KEM/sntrup761 hybrids where available, then curve25519;
 * ciphers chacha20-poly1305 and AES-GCM; MACs ETM only. Authentication: public key (agents) or password (viewer
 * tickets), never keyboard-interactive, at most 3 attempts within 20 s. Channels: {@code session} for an agent's
 * control subsystem, {@code direct-tcpip} for viewers' screens; no shell, exec, SFTP, X11, agent forwarding or
 * {@code tcpip-forward}. The identification string carries no version. Thread-safe.
 */
public final class SshEndpoint implements AutoCloseable, SessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(SshEndpoint.class);
    /** The SSH identification string after {@code SSH-2.0-}. */
    public static final String IDENTIFICATION = "Fieldlink";

    private final SshServer server;
    private final HostKey hostKey;
    private final AgentRegistry registry;

    /** Collaborators of the endpoint. */
    public record Parts(
            RelaySettings.Ssh settings,
            HostKey hostKey,
            AgentRegistry registry,
            ScreenService screens,
            SessionBroker broker,
            TokenVerifier verifier,
            AccountRepository accounts,
            MachineRepository machines,
            AgentAuditIngest ingest,
            AuditLog audit,
            Clock clock,
            ExecutorService controlExecutor,
            ScheduledExecutorService scheduler) {}

    public SshEndpoint(Parts p) {
        this.hostKey = p.hostKey();
        this.registry = p.registry();
        ControlHandler handler =
                new ControlHandler(p.registry(), p.broker(), p.ingest(), p.machines(), p.audit(), p.clock());
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost(p.settings().host());
        s.setPort(p.settings().port());
        s.setKeyPairProvider(KeyPairProvider.wrap(p.hostKey().keyPair()));
        s.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(false, keyExchanges(), ServerBuilder.DH2KEX));
        s.setCipherFactories(new ArrayList<>(
                List.of(BuiltinCiphers.cc20p1305_openssh, BuiltinCiphers.aes256gcm, BuiltinCiphers.aes128gcm)));
        s.setCompressionFactories(new ArrayList<>(List.of(BuiltinCompressions.none)));
        s.setMacFactories(new ArrayList<>(List.of(BuiltinMacs.hmacsha256etm, BuiltinMacs.hmacsha512etm)));
        s.setSignatureFactories(new ArrayList<>(List.of(
                BuiltinSignatures.ed25519,
                BuiltinSignatures.nistp256,
                BuiltinSignatures.nistp384,
                BuiltinSignatures.nistp521)));
        s.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE));
        s.setPublickeyAuthenticator(new AgentKeyAuthenticator(p.machines(), p.accounts(), p.audit()));
        s.setPasswordAuthenticator(new TicketAuthenticator(p.verifier(), p.accounts(), p.broker(), p.audit()));
        s.setKeyboardInteractiveAuthenticator(null);
        s.setGSSAuthenticator(null);
        s.setHostBasedAuthenticator(null);
        s.setShellFactory(null);
        s.setCommandFactory(null);
        s.setAgentFactory(null);
        s.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        s.setChannelFactories(
                List.of(new AgentSessionChannelFactory(), p.screens().channelFactory()));
        s.setSubsystemFactories(List.of(new ControlSubsystemFactory(handler, p.controlExecutor())));
        List<RequestHandler<ConnectionService>> global = new ArrayList<>();
        for (RequestHandler<ConnectionService> h : ServerBuilder.DEFAULT_GLOBAL_REQUEST_HANDLERS) {
            if (!h.getClass().getSimpleName().contains("Tcpip")) {
                global.add(h);
            }
        }
        s.setGlobalRequestHandlers(global);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(s, IDENTIFICATION);
        CoreModuleProperties.AUTH_TIMEOUT.set(s, p.settings().authTimeout());
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(s, 3);
        CoreModuleProperties.IDLE_TIMEOUT.set(s, p.settings().idleTimeout());
        CoreModuleProperties.WINDOW_SIZE.set(s, p.settings().windowSize().bytes());
        CoreModuleProperties.TCP_NODELAY.set(s, true);
        this.server = s;
    }

    /** Binds the port and starts accepting connections. */
    public void start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen for SSH on " + server.getHost() + ":" + server.getPort() + ": " + e.getMessage(), e);
        }
        LOG.info("SSH endpoint on {}:{}, host key {}", server.getHost(), port(), hostKey.fingerprint());
    }

    /** The bound port. */
    public int port() {
        return server.getPort();
    }

    public String hostKeyFingerprint() {
        return hostKey.fingerprint();
    }

    public HostKey hostKey() {
        return hostKey;
    }

    /** Number of authenticated connections (agents and viewers). */
    public int connectionCount() {
        return server.getActiveSessions().size();
    }

    /** When a session is over, its viewers' SSH connections close too: their tickets are worthless now. */
    @Override
    public void onStateChanged(SessionRecord s) {
        if (s.state() == SessionState.ACTIVE || s.state() == SessionState.PENDING_CONSENT) {
            return;
        }
        for (Session session : server.getActiveSessions()) {
            if (session.getAttribute(SshPrincipal.KEY) instanceof SshPrincipal.Viewer v
                    && v.ticket().sessionId().equals(s.id())) {
                session.close(false);
            }
        }
    }

    @Override
    public void close() {
        registry.closeAll();
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.warn("SSH endpoint did not stop cleanly: {}", e.toString());
        }
    }

    private static List<DHFactory> keyExchanges() {
        List<DHFactory> out = new ArrayList<>();
        for (BuiltinDHFactories f : List.of(
                BuiltinDHFactories.mlkem768x25519,
                BuiltinDHFactories.sntrup761x25519_openssh,
                BuiltinDHFactories.sntrup761x25519,
                BuiltinDHFactories.curve25519,
                BuiltinDHFactories.curve25519_libssh)) {
            if (f.isSupported()) {
                out.add(f);
            }
        }
        return out;
    }
}
