/**
 * Persistence plumbing: the pooled data source with Flyway migrations ({@link dev.fieldlink.relay.db.Database}) and
 * a small JDBC helper with thread-bound transactions ({@link dev.fieldlink.relay.db.Jdbc}). The same SQL runs on H2
 * and PostgreSQL.
 */
package dev.fieldlink.relay.db;
