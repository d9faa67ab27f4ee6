/**
 * The {@code fieldlink} command line: sign in, list machines, run and inspect sessions, read history, start the
 * sandbox. Errors print one line and exit 1; usage errors exit 2.
 */
package dev.fieldlink.console.cli;
