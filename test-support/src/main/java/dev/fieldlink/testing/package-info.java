/** Test support shared by every module's tests (test scope only): {@link MutableClock} and {@link Poll}. */
package dev.fieldlink.testing;
