/** Coverage-guided fuzzing (Jazzer) of everything that parses peer bytes. */
package dev.fieldlink.viewer.fuzz;
