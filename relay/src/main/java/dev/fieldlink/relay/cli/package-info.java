/** The {@code fieldlink-relay} command line (picocli): {@code serve}, {@code admin ...}, {@code audit ...}. */
package dev.fieldlink.relay.cli;
