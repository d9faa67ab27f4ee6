/** The loopback-only debug listener that serves the configured screen to a local VNC client. */
package dev.fieldlink.agent.debug;
