/** The console's main window: sign-in, then the workspace with machines and (for team leads) history. */
package dev.fieldlink.console.ui.main;
