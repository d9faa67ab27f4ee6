/**
 * A simulated machine HMI (digital cutter or sheetfed press) drawn with Java2D: status, job queue, alarms,
 * diagnostics with live sensor values on an injected clock, settings; clickable, with injectable faults.
 */
package dev.fieldlink.agent.screen.simulated;
