/** The customer's switches at the machine and the admin PIN that guards changing them. */
package dev.fieldlink.agent.switches;
