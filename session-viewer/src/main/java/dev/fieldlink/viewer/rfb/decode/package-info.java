/**
 * Decoding of the server-to-client RFB stream into a {@link dev.fieldlink.viewer.rfb.Framebuffer}: all encodings we
 * advertise, in order, with zlib state kept per stream. Used by the live client, the recorder and the replay player.
 */
package dev.fieldlink.viewer.rfb.decode;
