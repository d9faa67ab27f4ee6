/**
 * The SSH endpoint (Apache MINA SSHD): modern algorithms only, agents by public key with their control subsystem,
 * viewers by session ticket with {@code direct-tcpip} to their session's screen, nothing else.
 */
package dev.fieldlink.relay.ssh;
