/** The region tree: regions, their nesting, and which held region covers which machine's region. */
package dev.fieldlink.policy.region;
