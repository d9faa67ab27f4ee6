/**
 * Client-to-server RFB messages as records: a push-style, non-blocking {@link
 * dev.fieldlink.viewer.rfb.message.ClientMessageReader} for the relay's audit, the agent's mirror and our server, and
 * {@link dev.fieldlink.viewer.rfb.message.ClientMessageWriter} for our client.
 */
package dev.fieldlink.viewer.rfb.message;
