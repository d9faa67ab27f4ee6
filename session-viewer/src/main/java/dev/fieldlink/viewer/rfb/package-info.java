/**
 * RFB (RFC 6143) protocol core: pixel formats, framebuffer, limits, wire input, decoders and client messages. No
 * Swing or socket code; everything here works on plain byte streams.
 */
package dev.fieldlink.viewer.rfb;
