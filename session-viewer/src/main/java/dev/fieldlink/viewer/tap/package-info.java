/**
 * A passive tap on a spliced RFB connection: follows both directions through the handshake, then parses client
 * messages and, optionally, decodes the server stream. Used by the relay's audit and recorder and the agent's mirror.
 */
package dev.fieldlink.viewer.tap;
