/**
 * The RFB client: handshake, {@link dev.fieldlink.viewer.client.RfbClient} over any stream pair with a background
 * reader, connection figures, and the headless one-frame {@link dev.fieldlink.viewer.client.RfbSnapshot}.
 */
package dev.fieldlink.viewer.client;
