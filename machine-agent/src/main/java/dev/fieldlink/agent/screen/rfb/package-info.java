/** The agent's screen sources served by the session-viewer module's RFB server. */
package dev.fieldlink.agent.screen.rfb;
