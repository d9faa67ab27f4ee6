/** Session history for team leads: filters, the list, a session's audit timeline, and recording replay. */
package dev.fieldlink.console.ui.history;
