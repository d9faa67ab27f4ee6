/**
 * Screen recordings: one file per screen channel of a session, written while the bytes stream through the splice,
 * their metadata in the database, ranged reads for download, and retention.
 */
package dev.fieldlink.relay.recording;
