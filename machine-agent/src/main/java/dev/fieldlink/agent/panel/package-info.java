/**
 * The operator panel (Swing + FlatLaf): idle strip, consent window, active banner with action feed and chat, the
 * technician's pointer over the screen. {@link dev.fieldlink.agent.panel.PanelController} decides; the windows lay out.
 */
package dev.fieldlink.agent.panel;
