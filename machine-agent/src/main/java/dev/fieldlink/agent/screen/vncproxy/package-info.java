/**
 * The {@code vnc-proxy} source: an existing VNC server on the HMI. The agent authenticates to it itself (the password
 * never reaches the technician) and forwards the RFB stream.
 */
package dev.fieldlink.agent.screen.vncproxy;
