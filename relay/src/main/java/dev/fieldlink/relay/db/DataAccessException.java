package dev.fieldlink.relay.db;

import java.sql.SQLException;

/** A database operation failed. The message carries the driver's SQL state, never parameter values. */
public final class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataAccessException(SQLException cause) {
        super("database error (SQL state " + cause.getSQLState() + "): " + firstLine(cause.getMessage()), cause);
    }

    /** The SQL state, e.g. {@code 23505} for a unique-key violation. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    /** True for a violated unique or primary key. */
    public boolean isUniqueViolation() {
        String state = sqlState();
        return "23505".equals(state) || "23001".equals(state);
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse("");
    }
}
