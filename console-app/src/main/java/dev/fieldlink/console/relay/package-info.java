/**
 * The console's typed client of the relay's REST API and session event stream: TLS trust (system or a pinned
 * certificate fingerprint), tokens, and problem documents turned into one exception type.
 */
package dev.fieldlink.console.relay;
