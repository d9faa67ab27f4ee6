/** The technician console (Swing) and the fieldlink command line. */
package dev.fieldlink.console;
