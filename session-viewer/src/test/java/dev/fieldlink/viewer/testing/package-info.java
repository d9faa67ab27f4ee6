/** Test fixtures shared by the module's tests (and other modules via the test-jar): real X/VNC peers, pictures. */
package dev.fieldlink.viewer.testing;
