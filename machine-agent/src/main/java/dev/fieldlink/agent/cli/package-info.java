/** The {@code fieldlink-agent} command line: run, enroll, audit verify, status, admin-pin. */
package dev.fieldlink.agent.cli;
