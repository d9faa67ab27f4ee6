/** Session states and end causes, as relay, agent and console name them. */
package dev.fieldlink.protocol.session;
