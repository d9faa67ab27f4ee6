/**
 * The machine's screen of an active session, through the relay: ticket, SSH tunnel, RFB client. No Swing; the
 * session window and the {@code fieldlink session snapshot} command both build on it.
 */
package dev.fieldlink.console.screen;
