package dev.fieldlink.agent.connection;

import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.core.CoreModuleProperties;

/** Builds the agent's SSH client with only modern algorithms, as DESIGN.md lists them. */
final class SshClients {
    private SshClients() {}

    static SshClient create(HostKeyPin pin, ChannelFactory screens, Duration heartbeat) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setKeyExchangeFactories(NamedFactory.setUpTransformedFactories(
                false,
                List.of(
                        BuiltinDHFactories.mlkem768x25519, BuiltinDHFactories.sntrup761x25519_openssh,
                        BuiltinDHFactories.curve25519, BuiltinDHFactories.curve25519_libssh),
                ClientBuilder.DH2KEX));
        client.setCipherFactories(
                List.of(BuiltinCiphers.cc20p1305_openssh, BuiltinCiphers.aes256gcm, BuiltinCiphers.aes128gcm));
        client.setMacFactories(List.of(BuiltinMacs.hmacsha512etm, BuiltinMacs.hmacsha256etm));
        client.setSignatureFactories(List.of(
                BuiltinSignatures.ed25519,
                BuiltinSignatures.nistp256,
                BuiltinSignatures.nistp384,
                BuiltinSignatures.nistp521));
        client.setServerKeyVerifier(pin);
        // The relay may open screen channels and nothing else: no forwarded ports, agent or X11 channels.
        client.setChannelFactories(List.of(screens));
        // Never read ~/.ssh: the machine key is the only identity.
        client.setKeyIdentityProvider(session -> List.of());
        client.setHostConfigEntryResolver(org.apache.sshd.client.config.hosts.HostConfigEntryResolver.EMPTY);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, heartbeat);
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        return client;
    }
}
