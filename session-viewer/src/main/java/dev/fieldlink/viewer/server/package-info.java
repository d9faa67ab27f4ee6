/**
 * The RFB server: serves a {@link dev.fieldlink.viewer.server.ScreenSource} to one client per stream pair, with
 * damage-driven incremental updates, CopyRect for reported moves, pixel-format conversion and continuous updates.
 */
package dev.fieldlink.viewer.server;
