/** The standalone {@code fieldlink-viewer.jar} tool: {@code snapshot} writes one frame as PNG, {@code view} opens a window. */
package dev.fieldlink.viewer.tool;
