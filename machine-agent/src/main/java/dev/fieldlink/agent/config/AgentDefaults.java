package dev.fieldlink.agent.config;

import java.nio.file.Path;
import java.time.Duration;

/** Every default of {@code agent.yaml}, in one place. A setting absent from the file takes the value here. */
public final class AgentDefaults {
    private AgentDefaults() {}

    /** The relay's SSH port. */
    public static final int RELAY_SSH_PORT = 8022;

    /** Where the agent keeps its audit log, state and (by default) its key; relative to the config file. */
    public static final Path DATA_DIRECTORY = Path.of("agent-data");

    /** The machine key's file name inside the data directory when {@code keyFile} is not set. */
    public static final String KEY_FILE_NAME = "machine_ed25519";

    /** The longest session an operator may grant. */
    public static final Duration MAX_SESSION = Duration.ofMinutes(60);

    /** Bounds of {@link #MAX_SESSION}: whole minutes, at most a working day. */
    public static final Duration MAX_SESSION_LIMIT = Duration.ofHours(12);

    /** How long the consent window waits for the operator. */
    public static final Duration CONSENT_TIMEOUT = Duration.ofMinutes(2);

    /** Keep-alive on the control channel; well below the relay's 10-minute idle timeout. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);

    /** First reconnect delay; doubles per failed attempt. */
    public static final Duration RECONNECT_INITIAL = Duration.ofSeconds(1);

    /** Longest reconnect delay. */
    public static final Duration RECONNECT_MAX = Duration.ofSeconds(60);

    /** TCP connect plus SSH handshake and authentication. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    /** A log segment is closed and a new one started beyond this size. */
    public static final DataSize AUDIT_SEGMENT_SIZE = DataSize.ofMebibytes(8);

    /** Disk space the audit log may take before the panel and {@code status} raise an alarm. */
    public static final DataSize AUDIT_QUOTA = DataSize.ofMebibytes(512);

    /** Simulated HMI screen size. */
    public static final int SCREEN_WIDTH = 1280;

    public static final int SCREEN_HEIGHT = 800;

    /** The capture source's polling interval. */
    public static final Duration CAPTURE_INTERVAL = Duration.ofMillis(100);

    /** The VNC server an HMI usually runs. */
    public static final String VNC_HOST = "127.0.0.1";

    public static final int VNC_PORT = 5900;
}
