/**
 * A session from the technician's side: the request form, waiting for the operator's consent, the session window
 * (screen, remaining time, chat, figures, extension, end) and the words for every outcome.
 */
package dev.fieldlink.console.ui.session;
