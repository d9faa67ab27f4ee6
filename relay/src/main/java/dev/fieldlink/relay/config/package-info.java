/**
 * The relay's settings: typed values with their defaults in one place ({@link dev.fieldlink.relay.config.RelaySettings}),
 * read from {@code relay.yaml} and overridden by {@code FIELDLINK_*} environment variables.
 */
package dev.fieldlink.relay.config;
