/**
 * The session broker: the state machine of DESIGN.md ({@code PENDING_CONSENT -> ACTIVE -> ENDED}, or
 * {@code DECLINED | EXPIRED | CANCELLED}) on an injected clock, its persistence, and the listener hooks through which
 * event streams and the SSH endpoint learn of transitions.
 */
package dev.fieldlink.relay.session;
