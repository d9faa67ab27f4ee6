package dev.fieldlink.agent.config;

/**
 * A setting has a value the agent cannot use. {@link #field()} names the setting relative to the record that threw
 * (e.g. {@code port}); {@link ConfigLoader} prefixes the path to it (e.g. {@code relay.port}).
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidSettingException(String field, String problem) {
        super(problem);
        this.field = field;
    }

    /** The setting's name within its section. */
    public String field() {
        return field;
    }
}
