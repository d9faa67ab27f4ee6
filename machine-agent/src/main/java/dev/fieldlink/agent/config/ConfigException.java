package dev.fieldlink.agent.config;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;

/**
 * The configuration file cannot be read or has an unusable value. The message names the file and the setting
 * (e.g. {@code agent.yaml: relay.port: must be between 1 and 65535 (found 70000)}) and is safe to show.
 */
public final class ConfigException extends FieldlinkException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String detail) {
        super(ProblemType.VALIDATION, detail);
    }

    public ConfigException(String detail, Throwable cause) {
        super(ProblemType.VALIDATION, detail, cause);
    }
}
