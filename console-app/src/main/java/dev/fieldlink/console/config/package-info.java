/** Where the console keeps per-user settings and the CLI's tokens, and the settings themselves. */
package dev.fieldlink.console.config;
