/** Login throttling per account and per source address, with a retry-after. */
package dev.fieldlink.auth.lockout;
