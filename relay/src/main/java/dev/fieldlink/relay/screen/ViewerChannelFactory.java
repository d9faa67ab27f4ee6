package dev.fieldlink.relay.screen;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.Session;

/** Makes {@code direct-tcpip} channels into {@link ViewerChannel}s: the only target is a session's screen. */
final class ViewerChannelFactory implements ChannelFactory {
    private final ScreenService service;

    ViewerChannelFactory(ScreenService service) {
        this.service = service;
    }

    @Override
    public String getName() {
        return "direct-tcpip";
    }

    @Override
    public Channel createChannel(Session session) {
        return new ViewerChannel(service);
    }
}
