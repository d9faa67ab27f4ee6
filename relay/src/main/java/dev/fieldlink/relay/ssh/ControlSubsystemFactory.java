package dev.fieldlink.relay.ssh;

import dev.fieldlink.protocol.ssh.SshNames;
import java.io.IOException;
import java.util.concurrent.Executor;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/** The only subsystem: {@code fieldlink-control}, for authenticated agents. */
final class ControlSubsystemFactory implements SubsystemFactory {
    private final ControlHandler handler;
    private final Executor executor;

    ControlSubsystemFactory(ControlHandler handler, Executor executor) {
        this.handler = handler;
        this.executor = executor;
    }

    @Override
    public String getName() {
        return SshNames.CONTROL_SUBSYSTEM;
    }

    @Override
    public Command createSubsystem(ChannelSession channel) throws IOException {
        if (!(channel.getSession().getAttribute(SshPrincipal.KEY) instanceof SshPrincipal.Agent agent)) {
            throw new IOException("the control subsystem is for agents only");
        }
        return new ControlSubsystem(agent.machineId(), handler, executor);
    }
}
