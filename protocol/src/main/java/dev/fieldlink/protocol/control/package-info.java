/**
 * Messages of the {@code fieldlink-control} SSH subsystem between relay and agent: one JSON object per line, the
 * {@code type} property names the message.
 */
package dev.fieldlink.protocol.control;
