/** Rotating refresh tokens, stored hashed, with reuse detection that revokes the whole login family. */
package dev.fieldlink.auth.refresh;
