package dev.fieldlink.viewer.client;

/** Why a connection ended, with a message fit for a status line (no secrets, no stack trace). */
public record ConnectionEnd(Kind kind, String message) {
    public enum Kind {
        /** {@link RfbClient#close()} was called. */
        CLOSED_LOCALLY,
        /** The server closed the stream. */
        CLOSED_BY_SERVER,
        /** The server broke the protocol or a limit; {@code message} names what. */
        PROTOCOL_ERROR,
        /** Reading or writing failed. */
        IO_ERROR
    }
}
