package dev.fieldlink.relay.machine;

import dev.fieldlink.protocol.control.ControlMessage;
import java.util.Set;

/** How the broker reaches machines: the SSH endpoint's live agent connections. Implementations are thread-safe. */
public interface AgentGateway {
    /** True while the machine's agent is connected and has said hello. */
    boolean isOnline(String machineId);

    /** Ids of every machine online now. */
    Set<String> onlineMachines();

    /**
     * Queues a control message to the machine.
     *
     * @return false if the machine is not connected (nothing was sent)
     */
    boolean send(String machineId, ControlMessage message);
}
