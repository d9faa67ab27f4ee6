package dev.fieldlink.agent.config;

import java.time.Duration;

/**
 * Limits the operator's consent works within.
 *
 * @param maxDuration the longest session the operator may grant, whole minutes (config: {@code maxDuration: 60m})
 * @param consentTimeout how long the consent window waits for an answer
 */
public record SessionSettings(Duration maxDuration, Duration consentTimeout) {
    public SessionSettings {
        maxDuration = maxDuration == null ? AgentDefaults.MAX_SESSION : maxDuration;
        consentTimeout = consentTimeout == null ? AgentDefaults.CONSENT_TIMEOUT : consentTimeout;
        if (maxDuration.toSeconds() % 60 != 0
                || maxDuration.toMinutes() < 1
                || maxDuration.compareTo(AgentDefaults.MAX_SESSION_LIMIT) > 0) {
            throw new InvalidSettingException(
                    "maxDuration",
                    "must be whole minutes between 1m and " + Durations.format(AgentDefaults.MAX_SESSION_LIMIT)
                            + " (found " + Durations.format(maxDuration) + ")");
        }
        if (consentTimeout.compareTo(Duration.ofSeconds(10)) < 0
                || consentTimeout.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new InvalidSettingException(
                    "consentTimeout", "must be between 10s and 30m (found " + Durations.format(consentTimeout) + ")");
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(null, null);
    }

    /** {@link #maxDuration} in whole minutes, as the control channel carries it. */
    public int maxMinutes() {
        return (int) maxDuration.toMinutes();
    }
}
