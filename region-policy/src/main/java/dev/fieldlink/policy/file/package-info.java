/** The policy file: YAML with the region tree and the product lines, read with errors that name line and field. */
package dev.fieldlink.policy.file;
