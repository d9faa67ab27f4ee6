/**
 * What every console screen shares: resource-bundle texts (English and German), FlatLaf themes, background tasks
 * with results on the EDT, wording of relay failures, and the SANDBOX mark.
 */
package dev.fieldlink.console.ui;
