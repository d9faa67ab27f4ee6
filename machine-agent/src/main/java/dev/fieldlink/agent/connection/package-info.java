/**
 * The outbound connection to the relay: MINA SSHD client with the pinned host key and the machine key, the
 * {@code fieldlink-control} channel, heartbeat, reconnect with back-off, audit forwarding, and the screen channels
 * the relay opens down this connection.
 */
package dev.fieldlink.agent.connection;
