/**
 * What a session shows: a screen source the RFB server serves (size, pixels, damage, input) and names of the
 * controls under the pointer for the operator's action feed.
 */
package dev.fieldlink.agent.screen;
