/**
 * The machine's own audit log: hash-chained JSON lines on disk, fsynced per event, rotated by size, verifiable
 * offline, and the store-and-forward buffer of events the relay has not yet acknowledged.
 */
package dev.fieldlink.agent.audit;
