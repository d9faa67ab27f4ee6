/**
 * The audit log: the relay's own hash-chained stream, agents' uploaded streams (stored with their own hashes),
 * chain verification and export. Events are append-only.
 */
package dev.fieldlink.relay.audit;
