package dev.fieldlink.relay.ssh;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * {@code session} channels exist only for agents, one per connection, to open the control subsystem. Anyone else gets
 * "unknown channel type" (so OpenSSH cannot even ask for a shell).
 */
final class AgentSessionChannelFactory implements ChannelFactory {
    private static final AttributeKey<Boolean> OPENED = new AttributeKey<>();

    @Override
    public String getName() {
        return "session";
    }

    @Override
    public Channel createChannel(Session session) {
        if (!(session.getAttribute(SshPrincipal.KEY) instanceof SshPrincipal.Agent)) {
            return null;
        }
        if (session.setAttribute(OPENED, Boolean.TRUE) != null) {
            return null;
        }
        return new ChannelSession();
    }
}
