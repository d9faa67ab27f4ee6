package dev.fieldlink.agent.config;

import dev.fieldlink.protocol.CustomerSwitches;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The whole {@code agent.yaml}. Every section may be absent and then takes its defaults ({@link AgentDefaults});
 * the customer switches default to all off. Paths are absolute once {@link ConfigLoader} has read the file
 * (relative ones are taken relative to the file's directory).
 *
 * @param machineId this machine's id at the relay (letters, digits, {@code . _ -}, at most 64); null before
 *     enrolment
 * @param relay the relay's address and pinned host key
 * @param keyFile the machine's private key (OpenSSH PEM, mode 0600); null means {@code
 *     <dataDirectory>/machine_ed25519}
 * @param dataDirectory audit log and state
 * @param switches the customer's switches
 * @param session consent limits
 * @param screen the screen source
 * @param panel the operator panel
 * @param audit the local audit log
 * @param connection keep-alive and reconnect
 */
public record AgentConfig(
        String machineId,
        RelaySettings relay,
        Path keyFile,
        Path dataDirectory,
        CustomerSwitches switches,
        SessionSettings session,
        ScreenSettings screen,
        PanelSettings panel,
        AuditSettings audit,
        ConnectionSettings connection) {
    /** What a machine id may look like (it is the SSH user name and part of file names). */
    public static final Pattern MACHINE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public AgentConfig {
        if (machineId != null && !MACHINE_ID.matcher(machineId).matches()) {
            throw new InvalidSettingException(
                    "machineId", "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        relay = relay == null ? RelaySettings.unset() : relay;
        dataDirectory = dataDirectory == null ? AgentDefaults.DATA_DIRECTORY : dataDirectory;
        keyFile = keyFile == null ? dataDirectory.resolve(AgentDefaults.KEY_FILE_NAME) : keyFile;
        switches = switches == null ? CustomerSwitches.ALL_OFF : switches;
        session = session == null ? SessionSettings.defaults() : session;
        screen = screen == null ? ScreenSettings.defaults() : screen;
        panel = panel == null ? PanelSettings.defaults() : panel;
        audit = audit == null ? AuditSettings.defaults() : audit;
        connection = connection == null ? ConnectionSettings.defaults() : connection;
    }

    /** A configuration with every default and the given machine id; switches all off. */
    public static AgentConfig defaults(String machineId) {
        return new AgentConfig(machineId, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The settings {@code run} needs before it may connect, that are missing.
     *
     * @return the dotted names of missing settings; empty when the agent may connect
     */
    public List<String> missingForConnection() {
        List<String> missing = new ArrayList<>();
        if (machineId == null) {
            missing.add("machineId");
        }
        if (relay.host() == null) {
            missing.add("relay.host");
        }
        if (relay.hostKeyFingerprint() == null) {
            missing.add("relay.hostKeyFingerprint");
        }
        return missing;
    }

    /** The audit stream of this machine, {@code agent:<machineId>}. */
    public String auditStream() {
        return "agent:" + machineId;
    }

    public AgentConfig withSwitches(CustomerSwitches newSwitches) {
        return new AgentConfig(
                machineId, relay, keyFile, dataDirectory, newSwitches, session, screen, panel, audit, connection);
    }

    /** This configuration with {@code dir} as data directory and the default key file inside it. */
    public AgentConfig withDataDirectory(Path dir) {
        return new AgentConfig(
                machineId,
                relay,
                dir.resolve(AgentDefaults.KEY_FILE_NAME),
                dir,
                switches,
                session,
                screen,
                panel,
                audit,
                connection);
    }

    public AgentConfig withRelay(RelaySettings newRelay) {
        return new AgentConfig(
                machineId, newRelay, keyFile, dataDirectory, switches, session, screen, panel, audit, connection);
    }

    public AgentConfig withSession(SessionSettings newSession) {
        return new AgentConfig(
                machineId, relay, keyFile, dataDirectory, switches, newSession, screen, panel, audit, connection);
    }

    public AgentConfig withPanel(PanelSettings newPanel) {
        return new AgentConfig(
                machineId, relay, keyFile, dataDirectory, switches, session, screen, newPanel, audit, connection);
    }

    public AgentConfig withAudit(AuditSettings newAudit) {
        return new AgentConfig(
                machineId, relay, keyFile, dataDirectory, switches, session, screen, panel, newAudit, connection);
    }

    public AgentConfig withConnection(ConnectionSettings newConnection) {
        return new AgentConfig(
                machineId, relay, keyFile, dataDirectory, switches, session, screen, panel, audit, newConnection);
    }

    public AgentConfig withScreen(ScreenSettings newScreen) {
        return new AgentConfig(
                machineId, relay, keyFile, dataDirectory, switches, session, newScreen, panel, audit, connection);
    }
}
