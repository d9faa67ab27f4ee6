package dev.fieldlink.relay.ssh;

import static dev.fieldlink.protocol.audit.AuditEventTypes.AGENT_CONNECTED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.AGENT_DISCONNECTED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.AGENT_REPLACED;
import static dev.fieldlink.protocol.audit.AuditEventTypes.SWITCH_CHANGED;

import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.protocol.control.ControlMessage;
import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.relay.audit.AgentAuditIngest;
import dev.fieldlink.relay.audit.AuditLog;
import dev.fieldlink.relay.machine.MachineRecord;
import dev.fieldlink.relay.machine.MachineRepository;
import dev.fieldlink.relay.session.SessionBroker;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on control messages from agents, in order per agent: {@code hello} brings the machine online (replacing an
 * older connection), consents and operator actions go to the broker, audit batches are committed before they are
 * acknowledged, {@code ping} is answered. Anything unexpected is answered with {@code error} and the connection goes
 * on. Thread-safe.
 */
final class ControlHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ControlHandler.class);

    private final AgentRegistry registry;
    private final SessionBroker broker;
    private final AgentAuditIngest ingest;
    private final MachineRepository machines;
    private final AuditLog audit;
    private final Clock clock;

    ControlHandler(
            AgentRegistry registry,
            SessionBroker broker,
            AgentAuditIngest ingest,
            MachineRepository machines,
            AuditLog audit,
            Clock clock) {
        this.registry = registry;
        this.broker = broker;
        this.ingest = ingest;
        this.machines = machines;
        this.audit = audit;
        this.clock = clock;
    }

    void opened(AgentConnection c) {
        LOG.debug("control channel of {} open", c.machineId());
    }

    void closed(AgentConnection c, String detail) {
        if (c.hello() == null || !registry.unregister(c)) {
            return;
        }
        machines.touchLastSeen(c.machineId(), clock.instant());
        audit.record(
                AGENT_DISCONNECTED, "agent:" + c.machineId(), "machine:" + c.machineId(), Map.of("detail", detail));
        broker.machineEvents().onAgentOffline(c.machineId(), "the machine disconnected");
    }

    void handle(AgentConnection c, ControlMessage m) {
        try {
            if (m instanceof ControlMessage.Hello h) {
                hello(c, h);
                return;
            }
            if (c.hello() == null) {
                c.send(new ControlMessage.Error("hello-required", "send hello before anything else"));
                return;
            }
            if (m instanceof ControlMessage.Ping p) {
                c.send(new ControlMessage.Pong(p.nonce()));
            } else if (m instanceof ControlMessage.Pong) {
                LOG.trace("pong from {}", c.machineId());
            } else if (m instanceof ControlMessage.SessionConsent consent) {
                broker.machineEvents().onConsent(c.machineId(), consent);
            } else if (m instanceof ControlMessage.SessionEnded ended) {
                broker.machineEvents().onAgentEnded(c.machineId(), ended);
            } else if (m instanceof ControlMessage.Chat chat) {
                broker.machineEvents().onOperatorChat(c.machineId(), chat);
            } else if (m instanceof ControlMessage.AuditBatch batch) {
                auditBatch(c, batch);
            } else if (m instanceof ControlMessage.SwitchesChanged s) {
                switches(c, s.switches());
            } else if (m instanceof ControlMessage.Error e) {
                LOG.warn("agent {} reports an error: {} {}", c.machineId(), e.code(), e.detail());
            } else {
                c.send(new ControlMessage.Error(
                        "unexpected",
                        "the relay does not accept " + m.getClass().getSimpleName() + " from agents"));
            }
        } catch (FieldlinkException e) {
            c.send(new ControlMessage.Error(e.type().slug(), e.getMessage()));
        }
    }

    private void hello(AgentConnection c, ControlMessage.Hello h) {
        if (!c.machineId().equals(h.machineId())) {
            c.send(new ControlMessage.Error(
                    "machine-mismatch", "this connection is machine " + c.machineId() + ", not " + h.machineId()));
            return;
        }
        if (c.hello() != null) {
            c.send(new ControlMessage.Error("hello-repeated", "hello was already received"));
            return;
        }
        c.hello(h);
        Optional<AgentConnection> replaced = registry.register(c);
        replaced.ifPresent(old -> {
            audit.record(
                    AGENT_REPLACED,
                    "agent:" + c.machineId(),
                    "machine:" + c.machineId(),
                    Map.of("previous", String.valueOf(old.session().getRemoteAddress())));
            old.close();
        });
        machines.touchLastSeen(c.machineId(), clock.instant());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("agentVersion", h.agentVersion());
        details.put("address", String.valueOf(c.session().getRemoteAddress()));
        details.put("screen", h.screenWidth() + "x" + h.screenHeight());
        audit.record(AGENT_CONNECTED, "agent:" + c.machineId(), "machine:" + c.machineId(), details);
        if (replaced.isPresent()) {
            broker.machineEvents().onAgentOffline(c.machineId(), "the machine connected again");
        }
        if (h.switches() != null) {
            switches(c, h.switches());
        }
        broker.machineEvents().onAgentOnline(c.machineId());
    }

    private void switches(AgentConnection c, CustomerSwitches next) {
        if (next == null) {
            c.send(new ControlMessage.Error("malformed", "switches are missing"));
            return;
        }
        Optional<MachineRecord> m = machines.find(c.machineId());
        if (m.isEmpty() || m.get().switches().equals(next)) {
            return;
        }
        machines.updateSwitches(c.machineId(), next);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("before", describe(m.get().switches()));
        details.put("after", describe(next));
        audit.record(SWITCH_CHANGED, "operator:" + c.machineId(), "machine:" + c.machineId(), details);
        if (m.get().switches().remoteService() && !next.remoteService()) {
            broker.machineEvents().onRemoteServiceOff(c.machineId());
        }
    }

    private void auditBatch(AgentConnection c, ControlMessage.AuditBatch batch) {
        AgentAuditIngest.Outcome outcome = ingest.accept(c.machineId(), batch.events());
        if (outcome instanceof AgentAuditIngest.Outcome.Committed ok) {
            c.send(new ControlMessage.AuditAck(ok.stream(), ok.sequence()));
        } else if (outcome instanceof AgentAuditIngest.Outcome.Refused no) {
            LOG.warn("audit batch of {} refused at {}: {}", c.machineId(), no.sequence(), no.problem());
            if (no.committed() > 0) {
                c.send(new ControlMessage.AuditAck(no.stream(), no.committed()));
            }
            c.send(new ControlMessage.Error("audit-refused", no.problem()));
        }
    }

    private static String describe(CustomerSwitches s) {
        return "remoteService=" + s.remoteService() + ", fileTransfer=" + s.fileTransfer() + ", dataUpload="
                + s.dataUpload();
    }
}
