package dev.fieldlink.relay.db;

import dev.fieldlink.relay.config.RelaySettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust auth) with a fresh schema per
 * test class. When it is unreachable the tests are skipped on a developer machine but fail when {@code CI=true}: CI
 * must never pass without having run them.
 */
public final class PostgresDatabases {
    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    private PostgresDatabases() {}

    /** Database settings for the test PostgreSQL, after checking it answers. */
    public static RelaySettings.Db settings() {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            String why = "PostgreSQL at " + URL + " is unreachable: " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + " (CI=true: PostgreSQL tests must run)", e);
            }
            Assumptions.abort(why);
        }
        return new RelaySettings.Db(URL, USER, null, 4);
    }

    /** A new schema name. */
    public static String newSchema() {
        return "relay_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    /** Drops a schema made by a test. */
    public static void drop(String schema) {
        try (Connection c = DriverManager.getConnection(URL, USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // best effort: the schema name is unique, a leftover harms no one
        }
    }
}
