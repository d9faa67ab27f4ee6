/** RFC 9457 problem documents, their stable types, and the exception root that maps to them. */
package dev.fieldlink.protocol.problem;
