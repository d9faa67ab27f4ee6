/**
 * The screen splice: a viewer's {@code direct-tcpip} channel joined in process to a {@code
 * fieldlink-screen@fieldlink.dev} channel down the agent's connection, with back-pressure, taps that see every byte
 * (recorder, input audit, metrics), and forced closing when a session ends.
 */
package dev.fieldlink.relay.screen;
