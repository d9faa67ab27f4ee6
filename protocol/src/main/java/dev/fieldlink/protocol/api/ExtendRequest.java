package dev.fieldlink.protocol.api;

/** {@code POST sessions/{id}/extend}: ask the operator for more time; needs a new consent. */
public record ExtendRequest(int additionalMinutes) {}
