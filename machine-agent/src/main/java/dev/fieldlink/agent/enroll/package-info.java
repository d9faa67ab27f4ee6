/** Enrolment: the machine's key pair is made here, its public half registered with the relay's one-time code. */
package dev.fieldlink.agent.enroll;
