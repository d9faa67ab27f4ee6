package dev.fieldlink.relay.config;

import dev.fieldlink.protocol.problem.FieldlinkException;
import dev.fieldlink.protocol.problem.ProblemType;

/** A setting is unknown, malformed or out of range; the message names the file or variable, the key and the fix. */
public final class SettingsException extends FieldlinkException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String detail) {
        super(ProblemType.VALIDATION, detail);
    }

    public SettingsException(String detail, Throwable cause) {
        super(ProblemType.VALIDATION, detail, cause);
    }
}
