package dev.fieldlink.relay.db;

/**
 * The repository tests on PostgreSQL, in a schema of their own. Skipped when PostgreSQL is unreachable on a developer
 * machine; failed when {@code CI=true}.
 */
class PostgresRepositoryTest extends RepositoryContract {
    private String schema;

    @Override
    Database openDatabase() {
        var settings = PostgresDatabases.settings();
        schema = PostgresDatabases.newSchema();
        return Database.open(settings, schema);
    }

    @Override
    void dropDatabase() {
        if (schema != null) {
            PostgresDatabases.drop(schema);
        }
    }
}
