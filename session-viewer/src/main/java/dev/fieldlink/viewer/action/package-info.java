/**
 * Turns raw RFB input (pointer, keys, clipboard) into human-level actions (click, typed text, key combination,
 * scroll, drag, clipboard transfer) for the relay's audit log and the operator's action mirror.
 */
package dev.fieldlink.viewer.action;
