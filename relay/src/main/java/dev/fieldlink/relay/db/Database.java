package dev.fieldlink.relay.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.fieldlink.relay.config.RelaySettings;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The relay's database: a HikariCP pool over the configured JDBC URL, migrated by Flyway to the current schema on
 * open. Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbc jdbc;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @param schema the schema to use and migrate (PostgreSQL tests use one per test class), or null for the default
     * @throws IllegalStateException naming the URL (never the password) when the database cannot be reached or
     *     migrated
     */
    public static Database open(RelaySettings.Db settings, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password().reveal());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setPoolName("relay-db");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        if (schema != null) {
            config.setSchema(schema);
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot connect to the database at " + settings.url() + ": " + rootMessage(e), e);
        }
        try {
            var flyway = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true);
            if (schema != null) {
                flyway.schemas(schema).createSchemas(true);
            }
            flyway.load().migrate();
        } catch (FlywayException e) {
            ds.close();
            throw new IllegalStateException(
                    "Cannot migrate the database at " + settings.url() + ": " + rootMessage(e), e);
        }
        return new Database(ds);
    }

    /** Opens with the default schema. */
    public static Database open(RelaySettings.Db settings) {
        return open(settings, null);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    /** True when a connection can be had and answers; for {@code /health}. */
    public boolean isHealthy() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
