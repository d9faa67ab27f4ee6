package dev.fieldlink.protocol.api;

/** {@code POST sessions/{id}/end}; the body is optional. */
public record EndRequest(String comment) {}
