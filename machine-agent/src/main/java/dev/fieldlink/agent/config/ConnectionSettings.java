package dev.fieldlink.agent.config;

import java.time.Duration;

/**
 * How the agent keeps its connection to the relay.
 *
 * @param heartbeat interval of keep-alive pings on the control channel; must stay below the relay's idle timeout
 * @param reconnectInitial first delay after a failed or lost connection
 * @param reconnectMax longest delay between attempts
 * @param connectTimeout TCP connect, SSH handshake and authentication together
 */
public record ConnectionSettings(
        Duration heartbeat, Duration reconnectInitial, Duration reconnectMax, Duration connectTimeout) {
    public ConnectionSettings {
        heartbeat = heartbeat == null ? AgentDefaults.HEARTBEAT : heartbeat;
        reconnectInitial = reconnectInitial == null ? AgentDefaults.RECONNECT_INITIAL : reconnectInitial;
        reconnectMax = reconnectMax == null ? AgentDefaults.RECONNECT_MAX : reconnectMax;
        connectTimeout = connectTimeout == null ? AgentDefaults.CONNECT_TIMEOUT : connectTimeout;
        requireBetween("heartbeat", heartbeat, Duration.ofSeconds(1), Duration.ofMinutes(5));
        requireBetween("reconnectInitial", reconnectInitial, Duration.ofMillis(100), Duration.ofMinutes(1));
        requireBetween("reconnectMax", reconnectMax, reconnectInitial, Duration.ofMinutes(30));
        requireBetween("connectTimeout", connectTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(null, null, null, null);
    }

    private static void requireBetween(String field, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidSettingException(
                    field,
                    "must be between " + Durations.format(min) + " and " + Durations.format(max) + " (found "
                            + Durations.format(value) + ")");
        }
    }
}
