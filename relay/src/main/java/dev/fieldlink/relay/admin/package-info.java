/**
 * Administration: accounts, machines, enrolment codes, agent keys, signing keys and audit checks, as one programmatic
 * API ({@link dev.fieldlink.relay.admin.RelayAdmin}) that the admin CLI and the sandbox share.
 */
package dev.fieldlink.relay.admin;
