/**
 * Wire records shared by relay, agent and console: REST payloads, control-channel messages, audit events and
 * session states. No I/O lives here; {@link dev.fieldlink.protocol.Json} is the one JSON configuration all sides use.
 */
package dev.fieldlink.protocol;
