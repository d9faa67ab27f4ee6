package dev.fieldlink.protocol.api;

/** {@code POST sessions/{id}/messages}: a chat line to the operator. */
public record ChatRequest(String text) {}
