/** Machines the relay serves: their records, agent keys and one-time enrolment codes. */
package dev.fieldlink.relay.machine;
