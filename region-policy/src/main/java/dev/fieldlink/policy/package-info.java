/** Entitlement: who may see and reach which machine, and why not. Pure, no I/O. */
package dev.fieldlink.policy;
