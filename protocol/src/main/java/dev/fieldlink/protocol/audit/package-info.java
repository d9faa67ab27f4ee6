/** The audit event schema and its hash chain, shared by relay and agent. */
package dev.fieldlink.protocol.audit;
