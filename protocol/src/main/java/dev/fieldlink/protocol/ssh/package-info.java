/** Names shared on the relay's SSH endpoint. */
package dev.fieldlink.protocol.ssh;
