/** The service agent on the machine: connection, operator panel, screen sources, local audit log. */
package dev.fieldlink.agent;
