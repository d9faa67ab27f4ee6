/** Prometheus metrics of the relay (Micrometer): agents, sessions, relayed bytes, logins, consent outcomes. */
package dev.fieldlink.relay.metrics;
