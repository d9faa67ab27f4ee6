package dev.fieldlink.agent.config;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where the relay is and which host key it must present. Written by {@code fieldlink-agent enroll}.
 *
 * @param host the relay's SSH host name or address; null before enrolment
 * @param port the relay's SSH port
 * @param hostKeyFingerprint the pinned host key, {@code SHA256:} and 43 Base64 characters as OpenSSH prints it;
 *     null before enrolment
 * @param apiUrl the relay's HTTPS API, kept for information; null when unknown
 */
public record RelaySettings(String host, Integer port, String hostKeyFingerprint, URI apiUrl) {
    /** The form OpenSSH and MINA print SHA-256 key fingerprints in. */
    public static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    public RelaySettings {
        port = port == null ? AgentDefaults.RELAY_SSH_PORT : port;
        if (port < 1 || port > 65535) {
            throw new InvalidSettingException("port", "must be between 1 and 65535 (found " + port + ")");
        }
        if (host != null && host.isBlank()) {
            throw new InvalidSettingException("host", "must not be empty");
        }
        if (hostKeyFingerprint != null
                && !FINGERPRINT.matcher(hostKeyFingerprint).matches()) {
            throw new InvalidSettingException(
                    "hostKeyFingerprint",
                    "must look like SHA256: followed by 43 Base64 characters, as ssh-keygen -l prints");
        }
    }

    /** Nothing configured yet. */
    public static RelaySettings unset() {
        return new RelaySettings(null, null, null, null);
    }

    /** True when host and pinned fingerprint are known. */
    public boolean enrolled() {
        return host != null && hostKeyFingerprint != null;
    }
}
