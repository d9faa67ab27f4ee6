/**
 * Audit of technician input: the client-to-server RFB stream of every screen channel is parsed (session-viewer's tap)
 * and aggregated into clicks, typed text, key combinations and clipboard transfers, each one audit event.
 */
package dev.fieldlink.relay.input;
