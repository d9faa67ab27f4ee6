/**
 * Swing view of a remote screen ({@link dev.fieldlink.viewer.swing.RemoteScreenView}) for live sessions and
 * replays, with keyboard and mouse mapping to RFB and a connection-figures label. No sockets here.
 */
package dev.fieldlink.viewer.swing;
