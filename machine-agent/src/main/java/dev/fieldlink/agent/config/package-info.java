/** The typed {@code agent.yaml}: settings with units in their types, defaults in {@link AgentDefaults}. */
package dev.fieldlink.agent.config;
