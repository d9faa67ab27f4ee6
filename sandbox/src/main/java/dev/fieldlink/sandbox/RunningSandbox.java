package dev.fieldlink.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fieldlink.auth.totp.Totp;
import dev.fieldlink.relay.RunningRelay;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started sandbox: the relay's addresses and pins, the trainee accounts with their credentials, and the fleet.
 * Thread-safe. {@link #close()} stops the agents, then the relay, and deletes a temporary data directory.
 */
public final class RunningSandbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunningSandbox.class);

    private final RunningRelay relay;
    private final List<SandboxAccount> accounts;
    private final List<SandboxMachine> machines;
    private final Map<String, SandboxAgent> agents;
    private final Clock clock;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final ScheduledExecutorService scheduler;
    private final OperatorPanels panels;
    private final Totp totp = new Totp();
    private final AtomicBoolean closed = new AtomicBoolean();

    RunningSandbox(
            RunningRelay relay,
            List<SandboxAccount> accounts,
            List<SandboxMachine> machines,
            Map<String, SandboxAgent> agents,
            Clock clock,
            Path dataDir,
            boolean deleteOnClose,
            ScheduledExecutorService scheduler) {
        this.relay = relay;
        this.accounts = List.copyOf(accounts);
        this.machines = List.copyOf(machines);
        this.agents = Map.copyOf(agents);
        this.clock = clock;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.scheduler = scheduler;
        this.panels = new OperatorPanels(clock);
    }

    /** The HTTPS API, {@code https://127.0.0.1:PORT}. */
    public String relayUrl() {
        return relay.baseUrl();
    }

    /** {@code 127.0.0.1:PORT} of the HTTPS API, as the console's relay address takes it. */
    public String relayAddress() {
        return "127.0.0.1:" + relay.httpsPort();
    }

    public int httpsPort() {
        return relay.httpsPort();
    }

    public int sshPort() {
        return relay.sshPort();
    }

    /** The relay's TLS certificate fingerprint, {@code SHA256:<base64>}: what the console pins. */
    public String tlsFingerprint() {
        return relay.tlsFingerprint();
    }

    /** The relay's SSH host key fingerprint, {@code SHA256:<base64>}: what agents and viewers pin. */
    public String sshFingerprint() {
        return relay.hostKeyFingerprint();
    }

    /** Where the relay and the agents keep their files (deleted on close when temporary). */
    public Path dataDir() {
        return dataDir;
    }

    public List<SandboxAccount> accounts() {
        return accounts;
    }

    /**
     * @throws IllegalArgumentException naming the username when there is no such sandbox account
     */
    public SandboxAccount account(String username) {
        return accounts.stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The sandbox has no account '" + username
                        + "'; its accounts are "
                        + String.join(
                                ", ",
                                accounts.stream().map(SandboxAccount::username).toList())));
    }

    /**
     * The account's TOTP code for the current 30-second step on the sandbox clock. The relay accepts each step's code
     * once per account: a second sign-in needs the next step.
     *
     * @throws IllegalArgumentException for an unknown username
     */
    public String totpCode(String username) {
        return totp.codeAt(account(username).totpSecret(), clock.instant());
    }

    public List<SandboxMachine> machines() {
        return machines;
    }

    /**
     * @throws IllegalArgumentException naming the id when the fleet has no such machine
     */
    public SandboxMachine machine(String machineId) {
        return machines.stream()
                .filter(m -> m.id().equals(machineId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("The sandbox fleet has no machine '" + machineId + "'"));
    }

    /**
     * Lets a trainee play the operator of {@code machineId}: opens the agent's real operator panel (every window
     * marked SANDBOX), which from now on answers that machine's consent requests instead of the simulated operator.
     * Opening it again does nothing. May be called on any thread, including the EDT.
     *
     * @throws IllegalArgumentException for an unknown machine or the offline one (no agent runs there)
     * @throws IllegalStateException when there is no display (headless), or the sandbox is closed
     */
    public void openOperatorPanel(String machineId) {
        SandboxMachine m = machine(machineId);
        SandboxAgent agent = agents.get(m.id());
        if (agent == null) {
            throw new IllegalArgumentException("Machine " + machineId
                    + " is offline in the sandbox (no agent runs there): it has no operator panel");
        }
        if (closed.get()) {
            throw new IllegalStateException("The sandbox is closed");
        }
        panels.open(agent);
    }

    /** True once {@link #openOperatorPanel} switched the machine to the real panel. */
    public boolean isOperatorPanelOpen(String machineId) {
        return panels.isOpen(machineId);
    }

    /** The embedded relay, for tests and administration. */
    public RunningRelay relay() {
        return relay;
    }

    /**
     * Everything a client needs, as one JSON object: {@code relayUrl}, {@code relayAddress}, {@code httpsPort},
     * {@code sshPort}, {@code tlsFingerprint}, {@code sshFingerprint}, {@code accounts} (with passwords and TOTP
     * secrets: print it only to the trainee) and {@code machines}.
     */
    public String describeJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("relayUrl", relayUrl());
        root.put("relayAddress", relayAddress());
        root.put("httpsPort", httpsPort());
        root.put("sshPort", sshPort());
        root.put("tlsFingerprint", tlsFingerprint());
        root.put("sshFingerprint", sshFingerprint());
        ArrayNode accountNodes = root.putArray("accounts");
        for (SandboxAccount a : accounts) {
            ObjectNode n = accountNodes.addObject();
            n.put("username", a.username());
            n.put("password", a.password());
            n.put("totpSecret", a.totpSecret());
            n.put("role", a.role());
            n.put("displayName", a.displayName());
            ArrayNode regions = n.putArray("regions");
            a.regions().forEach(regions::add);
            ArrayNode lines = n.putArray("productLines");
            a.productLines().forEach(lines::add);
        }
        ArrayNode machineNodes = root.putArray("machines");
        for (SandboxMachine m : machines) {
            ObjectNode n = machineNodes.addObject();
            n.put("id", m.id());
            n.put("name", m.name());
            n.put("customer", m.customer());
            n.put("site", m.site());
            n.put("region", m.region());
            n.put("productLine", m.productLine());
            n.put("model", m.model());
            n.put("behaviour", m.behaviour().name());
            ArrayNode faults = n.putArray("faults");
            m.faults().forEach(faults::add);
        }
        try {
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the sandbox description", e);
        }
    }

    /** Closes the operator panels, stops the agents, then the relay, and deletes a temporary data directory. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<RuntimeException> failures = new ArrayList<>();
        run(panels::close, failures);
        for (SandboxAgent a : agents.values()) {
            run(a.agent::close, failures);
        }
        run(scheduler::shutdownNow, failures);
        run(relay::close, failures);
        if (deleteOnClose) {
            run(() -> Directories.delete(dataDir), failures);
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
        LOG.info("Fieldlink sandbox stopped");
    }

    private static void run(Runnable step, List<RuntimeException> failures) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }
}
