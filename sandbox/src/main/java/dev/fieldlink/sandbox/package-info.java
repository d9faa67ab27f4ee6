/** A simulated fleet in one process for training and tests; nothing in it reaches a real relay. */
package dev.fieldlink.sandbox;
