/**
 * The agent's side of a session: consent with the operator, the agent's own expiry clock, ending for every cause,
 * the action mirror, chat, and the audit events of each step. Knows nothing of SSH or Swing.
 */
package dev.fieldlink.agent.session;
