package dev.fieldlink.agent.connection;

import dev.fieldlink.agent.session.SessionController;
import dev.fieldlink.protocol.ssh.SshNames;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.Session;

/**
 * Registered on the agent's SSH client as its only channel factory: the relay may open {@link
 * SshNames#SCREEN_CHANNEL} channels and nothing else (no forwarding, no sessions, no agent or X11).
 */
public final class ScreenChannelFactory implements ChannelFactory {
    private final SessionController sessions;
    private final ScreenService service;
    private final ExecutorService executor;

    public ScreenChannelFactory(SessionController sessions, ScreenService service, ExecutorService executor) {
        this.sessions = sessions;
        this.service = service;
        this.executor = executor;
    }

    @Override
    public String getName() {
        return SshNames.SCREEN_CHANNEL;
    }

    @Override
    public Channel createChannel(Session session) {
        return new ScreenChannel(sessions, service, executor);
    }
}
