package dev.fieldlink.sandbox;

import dev.fieldlink.agent.Agent;
import dev.fieldlink.agent.config.AgentConfig;
import dev.fieldlink.agent.config.ConnectionSettings;
import dev.fieldlink.agent.config.RelaySettings;
import dev.fieldlink.agent.config.ScreenSettings;
import dev.fieldlink.agent.config.SessionSettings;
import dev.fieldlink.agent.connection.MachineKey;
import dev.fieldlink.agent.screen.simulated.SimulatedHmi;
import dev.fieldlink.agent.session.SimulatedOperator;
import dev.fieldlink.protocol.CustomerSwitches;
import dev.fieldlink.relay.RunningRelay;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/** One simulated machine's real agent: its key registered at the sandbox relay, its HMI marked and faulted. */
final class SandboxAgent {
    /** The agent's own consent window must lie in 10 s .. 30 min; the relay's deadline cuts shorter ones. */
    private static final Duration AGENT_CONSENT_MIN = Duration.ofSeconds(10);

    private static final Duration AGENT_CONSENT_MAX = Duration.ofMinutes(30);

    static final String MARK = "SANDBOX";

    final Fleet.Entry entry;
    final Agent agent;
    final SwitchableOperator operator;

    private SandboxAgent(Fleet.Entry entry, Agent agent, SwitchableOperator operator) {
        this.entry = entry;
        this.agent = agent;
        this.operator = operator;
    }

    /** The machine's switches as its customer set them. */
    static CustomerSwitches switches(SandboxMachine m) {
        // Data upload stays on for the switched-off machine, so its agent still connects and the refusal is the
        // switch, not a missing connection.
        return m.behaviour() == SandboxMachine.Behaviour.REMOTE_SERVICE_OFF
                ? new CustomerSwitches(false, false, true)
                : new CustomerSwitches(true, false, false);
    }

    /** Builds and starts the agent; it connects in the background. */
    static SandboxAgent start(
            Fleet.Entry entry,
            Path dir,
            RunningRelay relay,
            Clock clock,
            SandboxOptions options,
            ScheduledExecutorService scheduler) {
        SandboxMachine m = entry.machine();
        KeyPair key = MachineKey.generate(dir.resolve("machine_ed25519"), m.id() + "@sandbox");
        relay.admin().as("admin:sandbox").registerAgentKey(m.id(), MachineKey.publicKeyLine(key));
        Duration consent = options.consentTimeout();
        consent = consent.compareTo(AGENT_CONSENT_MIN) < 0 ? AGENT_CONSENT_MIN : consent;
        consent = consent.compareTo(AGENT_CONSENT_MAX) > 0 ? AGENT_CONSENT_MAX : consent;
        AgentConfig config = AgentConfig.defaults(m.id())
                .withDataDirectory(dir)
                .withRelay(new RelaySettings(
                        "127.0.0.1", relay.sshPort(), relay.hostKeyFingerprint(), URI.create(relay.baseUrl())))
                .withSwitches(switches(m))
                .withSession(new SessionSettings(Duration.ofMinutes(Fleet.MAX_SESSION_MINUTES), consent))
                .withConnection(new ConnectionSettings(null, Duration.ofMillis(200), Duration.ofSeconds(2), null))
                .withScreen(new ScreenSettings(
                        ScreenSettings.Source.SIMULATED,
                        new ScreenSettings.Simulated(entry.hmi(), m.name(), null, null),
                        null,
                        null));
        SimulatedOperator simulated =
                new SimulatedOperator(entry.operator(), behaviour(m), options.consentDelay(), scheduler);
        SwitchableOperator operator = new SwitchableOperator(simulated);
        Agent agent = Agent.builder(config)
                .machineKey(key)
                .operator(operator)
                .clock(clock)
                .build();
        try {
            SimulatedHmi hmi = (SimulatedHmi) agent.screen();
            hmi.setMark(MARK);
            m.faults().forEach(hmi::injectFault);
            agent.start();
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
        return new SandboxAgent(entry, agent, operator);
    }

    private static SimulatedOperator.Behaviour behaviour(SandboxMachine m) {
        return switch (m.behaviour()) {
            case DECLINES -> SimulatedOperator.decline();
            case NEVER_ANSWERS -> SimulatedOperator.neverAnswer();
            case APPROVES, REMOTE_SERVICE_OFF, OFFLINE -> SimulatedOperator.approve();
        };
    }
}
