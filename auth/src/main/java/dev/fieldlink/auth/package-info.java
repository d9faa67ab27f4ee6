/** Identity: passwords, TOTP, JWT, refresh tokens, lockout; and the client-side token store. */
package dev.fieldlink.auth;
