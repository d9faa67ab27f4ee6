package dev.fieldlink.relay.ssh;

import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.relay.machine.AgentGateway;
import dev.fieldlink.relay.screen.AgentSessions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.sshd.common.session.Session;

/**
 * The agents online now: one connection per machine, registered when its control channel says hello. A second
 * connection of the same machine replaces the first. Thread-safe.
 */
public final class AgentRegistry implements AgentGateway, AgentSessions {
    private final ConcurrentMap<String, AgentConnection> online = new ConcurrentHashMap<>();

    /** Registers a connection; returns the one it replaced, if any (the caller closes and audits it). */
    Optional<AgentConnection> register(AgentConnection c) {
        AgentConnection previous = online.put(c.machineId(), c);
        return previous == null || previous == c ? Optional.empty() : Optional.of(previous);
    }

    /** Removes a connection if it is still the machine's current one; true if it was. */
    boolean unregister(AgentConnection c) {
        return online.remove(c.machineId(), c);
    }

    Optional<AgentConnection> connection(String machineId) {
        return Optional.ofNullable(online.get(machineId));
    }

    @Override
    public boolean isOnline(String machineId) {
        AgentConnection c = online.get(machineId);
        return c != null && c.isOpen();
    }

    @Override
    public Set<String> onlineMachines() {
        return Set.copyOf(online.keySet());
    }

    @Override
    public boolean send(String machineId, ControlMessage message) {
        AgentConnection c = online.get(machineId);
        return c != null && c.send(message);
    }

    @Override
    public Optional<Session> connectionOf(String machineId) {
        AgentConnection c = online.get(machineId);
        return c == null || !c.isOpen() ? Optional.empty() : Optional.of(c.session());
    }

    /** Number of agents online. */
    public int size() {
        return online.size();
    }

    /** Closes every agent connection (shutdown). */
    void closeAll() {
        online.values().forEach(AgentConnection::close);
        online.clear();
    }
}
